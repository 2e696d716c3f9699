package com.investtrack.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links that switch the page's language and keep everything else the user was looking at
 * ({@code ${@lang.url('en')}}). They are relative ("?…&lang=en"), so on an error page
 * they re-open the address that failed, in the other language.
 */
@Component("lang")
class LanguageLinks {

	public String url(String lang) {
		String query = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& "GET".equals(attributes.getRequest().getMethod())) {
			query = attributes.getRequest().getQueryString();
		}
		return UriComponentsBuilder.newInstance()
			.query(query)
			.replaceQueryParam(WebConfig.LANG_PARAM, lang)
			.build()
			.toUriString();
	}

}
