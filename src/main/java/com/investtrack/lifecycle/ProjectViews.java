package com.investtrack.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.investtrack.approval.ApprovalService;
import com.investtrack.approval.ApprovalRequest;
import com.investtrack.common.NotFoundException;
import com.investtrack.common.PageResult;
import com.investtrack.milestone.Milestone;
import com.investtrack.milestone.MilestoneService;
import com.investtrack.plan.Light;
import com.investtrack.plan.Lights;
import com.investtrack.plan.Plan;
import com.investtrack.plan.PlanService;
import com.investtrack.project.Health;
import com.investtrack.project.Project;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ProjectService;

/**
 * Reads projects as {@link ProjectView}s; a page of projects costs a fixed number of
 * queries, whatever its size.
 */
@Service
public class ProjectViews {

	private final ProjectService projects;

	private final MilestoneService milestones;

	private final ApprovalService approvals;

	private final PlanService plans;

	private final Lights lights;

	ProjectViews(ProjectService projects, MilestoneService milestones, ApprovalService approvals, PlanService plans,
			Lights lights) {
		this.projects = projects;
		this.milestones = milestones;
		this.approvals = approvals;
		this.plans = plans;
		this.lights = lights;
	}

	/*
	 * No transaction for reading views: under READ COMMITTED, which the engine requires,
	 * a transaction does not give its SELECTs one common snapshot anyway; it would only
	 * add round trips (autocommit off and on, read-only flag, commit) to every answer of
	 * every step.
	 */
	public ProjectView get(long id) {
		Project project = projects.find(id).orElseThrow(() -> new NotFoundException("No project " + id));
		return views(List.of(project)).get(0);
	}

	/** Views of these projects, in the order given (unknown ids left out). */
	public List<ProjectView> getAll(Collection<Long> ids) {
		Map<Long, Project> byId = projects.findAll(ids)
			.stream()
			.collect(Collectors.toMap(Project::id, Function.identity()));
		return views(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
	}

	public PageResult<ProjectView> search(ProjectFilter filter, int page, int size) {
		PageResult<Project> found = projects.search(filter,
				filter.health() == null ? null : lights.condition(filter.health()), page, size);
		return new PageResult<>(views(found.content()), page, size, found.totalElements());
	}

	/**
	 * The first page of each filter, as {@link #search} gives it, for filters that differ
	 * in stage and outcome only (the board's columns): a text search answers them all
	 * from one scan, and the views of every page are read together.
	 */
	public List<PageResult<ProjectView>> firstPages(List<ProjectFilter> filters, int size) {
		Health health = filters.isEmpty() ? null : filters.get(0).health();
		if (filters.stream().anyMatch(f -> f.health() != health)) {
			return filters.stream().map(f -> search(f, 0, size)).toList();
		}
		List<PageResult<Project>> found = projects.firstPages(filters, health == null ? null : lights.condition(health),
				size);
		return viewPages(found);
	}

	/**
	 * The first page of the projects of each light matching the filter (whose own light
	 * is ignored), as {@link #search} gives each: all the totals counted in one scan and
	 * the views of all the pages read together (the dashboard's red and yellow lists).
	 */
	public List<PageResult<ProjectView>> firstPagesByHealth(ProjectFilter filter, List<Health> healths, int size) {
		ProjectFilter anyLight = new ProjectFilter(filter.stage(), filter.parkCode(), filter.industryCode(),
				filter.officer(), null, filter.assetModel(), filter.outcome(), filter.text(), filter.leader(),
				filter.keyLevel(), filter.projectType(), filter.channel());
		List<PageResult<Project>> found = projects.firstPagesEach(anyLight, lights.conditions(healths), size);
		return viewPages(found);
	}

	/**
	 * Every project matching the filter, newest first, handed over batch by batch
	 * ({@code size} at a time, each batch read by primary key from where the last ended):
	 * for exports, whose memory and time stay proportional to one batch and to the number
	 * of projects respectively.
	 */
	public void forEach(ProjectFilter filter, int size, Consumer<List<ProjectView>> batch) {
		var extra = filter.health() == null ? null : lights.condition(filter.health());
		Long before = null;
		while (true) {
			List<Project> found = projects.searchBefore(filter, extra, before, size);
			if (found.isEmpty()) {
				return;
			}
			batch.accept(views(found));
			if (found.size() < size) {
				return;
			}
			before = found.get(found.size() - 1).id();
		}
	}

	/**
	 * The views of several pages, read together; a project on two pages is viewed once.
	 */
	private List<PageResult<ProjectView>> viewPages(List<PageResult<Project>> found) {
		Map<Long, ProjectView> viewed = views(found.stream()
			.flatMap(page -> page.content().stream())
			.collect(Collectors.toMap(Project::id, Function.identity(), (a, b) -> a, LinkedHashMap::new))
			.values()
			.stream()
			.toList()).stream().collect(Collectors.toMap(ProjectView::id, Function.identity()));
		return found.stream().map(page -> page.map(p -> viewed.get(p.id()))).toList();
	}

	private List<ProjectView> views(List<Project> list) {
		List<Long> ids = list.stream().map(Project::id).toList();
		Map<Long, List<Milestone>> byProject = milestones.forProjects(ids)
			.stream()
			.collect(Collectors.groupingBy(Milestone::projectId));
		Map<Long, ApprovalRequest> pending = approvals.pendingFor(ids)
			.stream()
			.collect(Collectors.toMap(ApprovalRequest::projectId, Function.identity(), (a, b) -> a));
		Map<Long, Plan> planOf = plans.plans(ids);
		Map<Long, Light> lightOf = lights.of(list, planOf);
		LocalDate today = lights.today();
		List<ProjectView> views = new ArrayList<>(list.size());
		for (Project p : list) {
			List<ProjectView.StageSpan> spans = spans(byProject.getOrDefault(p.id(), List.of()), p.droppedOn(), today);
			ApprovalRequest r = pending.get(p.id());
			LocalDate stageEnd = p.droppedOn() != null ? p.droppedOn() : today;
			Plan plan = planOf.getOrDefault(p.id(), Plan.NONE);
			Light light = lightOf.get(p.id());
			ProjectFacts f = p.facts();
			views.add(new ProjectView(p.id(), p.code(), f.name(), f.investor(), f.industryCode(), f.parkCode(),
					f.assetModel(), f.investmentAmountYuan(), f.landAreaM2(), f.totalInvestmentWan(),
					f.fixedAssetInvestmentWan(), f.contractedInvestmentWan(), f.landMu(), f.floorAreaM2(),
					f.nationalCode(), f.creditCode(), f.projectType(), f.channel(), f.referrer(), f.fundsOrigin(),
					f.leader(), f.keyLevel(), p.officer(), p.stage(), p.stageEnteredOn(), p.outcome(), light.health(),
					lights.describe(light), light.daysLate(), ChronoUnit.DAYS.between(p.stageEnteredOn(), stageEnd),
					p.droppedOn(), p.dropReason(), plan.agreed(), plan.baseline(),
					r == null ? null
							: new ProjectView.PendingApproval(r.taskId(), r.to(), r.requestedBy(), r.effectiveOn()),
					spans));
		}
		return views;
	}

	/**
	 * Each stage lasts from its milestone to the next; the last one to the drop date or
	 * to today.
	 */
	static List<ProjectView.StageSpan> spans(List<Milestone> reached, LocalDate droppedOn, LocalDate today) {
		List<Milestone> ordered = reached.stream()
			.sorted((a, b) -> Integer.compare(a.stage().ordinal(), b.stage().ordinal()))
			.toList();
		List<ProjectView.StageSpan> spans = new ArrayList<>(ordered.size());
		for (int i = 0; i < ordered.size(); i++) {
			Milestone m = ordered.get(i);
			LocalDate left = i + 1 < ordered.size() ? ordered.get(i + 1).effectiveOn() : droppedOn;
			LocalDate end = left != null ? left : today;
			spans.add(new ProjectView.StageSpan(m.stage(), m.effectiveOn(), left,
					ChronoUnit.DAYS.between(m.effectiveOn(), end)));
		}
		return spans;
	}

}
