package com.investtrack.operations;

import java.time.Duration;
import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.investtrack.common.DatabaseFailures;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts and times every step, i.e. every write handled by the application's controllers
 * (API and page forms), as {@value #METRIC} tagged with low-cardinality names only: the
 * handler's {@code subject} (project, task, user, park, threshold: the controller's name)
 * and {@code kind} (its method: create, advance, drop, decide, reassign, edit, ...), the
 * {@code channel} (api or page) and the {@link StepOutcome outcome}.
 * <p>
 * The outcome is the answer's status, unless the handler marked another one with
 * {@link #mark(StepOutcome)}: a page's form that is refused redirects back with a
 * message, so its status says nothing. Writes refused by the URL rules before any
 * controller (anonymous callers, an auditor's write) are not steps and are not counted
 * here.
 */
@Component
public class StepMetrics implements HandlerInterceptor {

	static final String METRIC = "investtrack.steps";

	private static final String OUTCOME = StepMetrics.class.getName() + ".outcome";

	private static final String SAMPLE = StepMetrics.class.getName() + ".sample";

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	/**
	 * Latency buckets, so that an operator can see a step's 95th percentile without one
	 * series per millisecond.
	 */
	private static final Duration[] BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5) };

	private final MeterRegistry registry;

	StepMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records how the current request's step ended where its status will not tell (the
	 * last mark counts).
	 */
	public static void mark(StepOutcome outcome) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(OUTCOME, outcome, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (WRITES.contains(request.getMethod()) && handler instanceof HandlerMethod method
				&& method.getBeanType().getName().startsWith("com.investtrack.")) {
			request.setAttribute(SAMPLE, Timer.start(registry));
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(request.getAttribute(SAMPLE) instanceof Timer.Sample sample)
				|| !(handler instanceof HandlerMethod method)) {
			return;
		}
		StepOutcome outcome = request.getAttribute(OUTCOME) instanceof StepOutcome marked ? marked
				: ex == null ? StepOutcome.ofStatus(response.getStatus())
						: DatabaseFailures.isUnavailable(ex) ? StepOutcome.UNAVAILABLE : StepOutcome.ERROR;
		boolean api = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class);
		sample.stop(Timer.builder(METRIC)
			.description("Writes through the API and the pages' forms, by what they did and how they ended")
			.tag("subject", subject(method.getBeanType()))
			.tag("kind", method.getMethod().getName())
			.tag("channel", api ? "api" : "page")
			.tag("outcome", outcome.tag())
			.serviceLevelObjectives(BUCKETS)
			.register(registry));
	}

	/**
	 * ProjectApiController, ProjectController: project; AdminUserApiController,
	 * UserAdminController: user.
	 */
	static String subject(Class<?> controller) {
		String name = controller.getSimpleName();
		return name.replace("Controller", "").replace("Api", "").replace("Admin", "").toLowerCase();
	}

}
