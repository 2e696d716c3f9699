package com.investtrack.api;

import java.lang.reflect.Method;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Puts {@link IdempotentWrites} around every write handler (POST, PUT, PATCH, DELETE) of
 * the application's REST controllers, including those added later, so that no write
 * endpoint can forget it.
 */
@Configuration(proxyBeanMethods = false)
class IdempotentWritesConfig {

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
			RequestMethod.DELETE);

	/**
	 * An infrastructure bean, so Spring's auto-proxying applies it; the interceptor's own
	 * beans are resolved lazily.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor idempotentWritesAdvisor(ObjectProvider<IdempotentWrites> writes) {
		MethodInterceptor interceptor = invocation -> writes.getObject().invoke(invocation);
		return new DefaultPointcutAdvisor(new WriteHandlers(), interceptor);
	}

	/**
	 * Handler methods mapped to a write method, in the application's own REST
	 * controllers.
	 */
	static final class WriteHandlers extends StaticMethodMatcherPointcut {

		WriteHandlers() {
			setClassFilter(type -> type.getName().startsWith("com.investtrack.")
					&& AnnotatedElementUtils.hasAnnotation(type, RestController.class));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
			if (mapping == null) {
				return false;
			}
			for (RequestMethod m : mapping.method()) {
				if (WRITES.contains(m)) {
					return true;
				}
			}
			return false;
		}

	}

}
