package com.investtrack.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page language: the browser's Accept-Language until the user picks one with
 * {@code ?lang=}, which a cookie then remembers. Only the two languages the messages
 * exist in are ever chosen, so every label has a translation.
 * <p>
 * Static files are served from their own folders only (Spring Boot's default mappings are
 * off: {@code spring.web.resources.add-mappings=false}). With the webjars locator on the
 * class path every link a page writes goes through the resource URL provider; under
 * Boot's catch-all {@code /**} each link to a page (every card of the board, every row of
 * a list) was looked up as a file in four class path folders of the jar, uncached because
 * it is never found: half the board's CPU time. Under these four patterns a page link
 * matches none and costs nothing, and the files that do exist are resolved once and
 * cached.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final String LANG_PARAM = "lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new SupportedLocaleResolver("invest-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null ? Locale.ENGLISH
				: supported(Collections.list(request.getLocales())));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(LANG_PARAM);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js", "img")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
		// version-less addresses (/webjars/chart.js/dist/...), as Boot's own mapping had
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	/** Simplified Chinese for any Chinese request, English for everything else. */
	static Locale supported(List<Locale> wanted) {
		for (Locale locale : wanted) {
			if ("zh".equals(locale.getLanguage())) {
				return CHINESE;
			}
			if ("en".equals(locale.getLanguage())) {
				return Locale.ENGLISH;
			}
		}
		return Locale.ENGLISH;
	}

	/**
	 * Keeps an explicit choice within the supported languages, whatever {@code ?lang=}
	 * said.
	 */
	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver(String cookieName) {
			super(cookieName);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, locale == null ? null : supported(List.of(locale)));
		}

	}

}
