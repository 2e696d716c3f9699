package com.investtrack.security;

import java.util.Set;

import com.investtrack.common.Role;

/** A stored user, without the password hash. */
public record UserAccount(String username, String displayName, boolean enabled, Set<Role> roles) {
}
