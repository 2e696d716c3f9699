package com.investtrack.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users and their roles from the product's own tables. */
@Service
class AppUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	AppUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var credentials = users.credentials(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
		var account = credentials.account();
		return new AppUserPrincipal(account.username(), credentials.passwordHash(), account.enabled(),
				account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(),
				credentials.authVersion());
	}

}
