package com.investtrack.project;

public record Industry(String code, String name) {
}
