package com.investtrack.project;

public record Park(String code, String name, String district) {
}
