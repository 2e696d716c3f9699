package com.investtrack.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import com.investtrack.security.CurrentUsers;

/** The login form; Spring Security handles its POST and the logout. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication) {
		return CurrentUsers.of(authentication) != null ? "redirect:/" : "login";
	}

}
