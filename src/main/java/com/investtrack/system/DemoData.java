package com.investtrack.system;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.investtrack.approval.ApprovalService;
import com.investtrack.approval.Decision;
import com.investtrack.bulletin.TargetService;
import com.investtrack.bulletin.Targets;
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.fulfilment.FulfilmentService;
import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.FundsOrigin;
import com.investtrack.project.Identifiers;
import com.investtrack.project.Industry;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Park;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ProjectType;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.CurrentUser;
import com.investtrack.supervision.ProgressEntry;
import com.investtrack.supervision.ProgressLog;
import com.investtrack.security.Accounts;

/**
 * Demo users, parks, industries and projects, switched on by {@code app.demo-data}. Each
 * part is added only where its table is empty, so existing data is never overwritten.
 * Projects are moved through the real lifecycle, as the demo users, so engine state,
 * milestones and audit trail are what real use would leave.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PASSWORD = "demo";

	private static final List<Park> PARKS = List.of(
			new Park("JS-IMP", "Jingshan Intelligent Manufacturing Industrial Park", "Jingshan"),
			new Park("ZX-CNC", "Zhongxiang CNC Machine Tool Industrial Park", "Zhongxiang"),
			new Park("SY-GF", "Shayang Green Food Industrial Park", "Shayang"),
			new Park("QJL-EA", "Qujialing Ecological Agricultural Products Processing Park", "Qujialing"),
			new Park("SY-AP", "Shayang Agricultural Products Processing Park", "Shayang"),
			new Park("ZX-AP", "Zhongxiang Agricultural Products Processing Park", "Zhongxiang"),
			new Park("JM-HT", "Jingmen High-tech Industrial Development Zone", "Duodao"),
			new Park("DD-EI", "Duodao Electronic Information Industrial Park", "Duodao"),
			new Park("DB-IP", "Dongbao Industrial Park", "Dongbao"),
			new Park("DB-NE", "Dongbao New Energy Industrial Park", "Dongbao"),
			new Park("ZH-ND", "Zhanghe New District Industrial Park", "Zhanghe"),
			new Park("JM-CC", "Jingmen Chemical Circular Industry Park", "Duodao"),
			new Park("ZX-SC", "Zhongxiang Salt Chemical Industrial Park", "Zhongxiang"),
			new Park("JM-RR", "Jingmen Renewable Resources Industrial Park", "Dongbao"),
			new Park("JS-ED", "Jingshan Economic Development Zone", "Jingshan"),
			new Park("SY-ED", "Shayang Economic Development Zone", "Shayang"),
			new Park("ZX-ED", "Zhongxiang Economic Development Zone", "Zhongxiang"),
			new Park("JM-GH", "Jingmen Great Health Industrial Park", "Duodao"),
			new Park("JM-AV", "Zhanghe General Aviation Industrial Park", "Zhanghe"),
			new Park("JM-NM", "Jingmen New Materials Industrial Park", "Duodao"));

	private static final List<Industry> INDUSTRIES = List.of(new Industry("EQUIPMENT", "Equipment manufacturing"),
			new Industry("NEW_ENERGY", "New energy and new materials"), new Industry("CHEMICAL", "Chemical industry"),
			new Industry("AGRI_FOOD", "Deep processing of agricultural products"),
			new Industry("ELECTRONICS", "Electronic information"),
			new Industry("RENEWABLE", "Renewable resources utilization and manufacturing"),
			new Industry("HEALTH", "Great health"));

	private static final CurrentUser OFFICER = new CurrentUser("officer", EnumSet.of(Role.OFFICER));

	private static final CurrentUser OFFICER2 = new CurrentUser("officer2", EnumSet.of(Role.OFFICER));

	private static final CurrentUser LEAD = new CurrentUser("lead", EnumSet.of(Role.OFFICER, Role.MANAGER));

	private static final CurrentUser MANAGER = new CurrentUser("manager", EnumSet.of(Role.MANAGER));

	/** The seed's reference project (the Changfeng Cheetah automobile plant). */
	static final String CHEETAH = "长风猎豹汽车整车项目";

	/** Project and investor, as a Jingmen bureau's ledger names them. */
	private static final String[][] NAMES = { { "数控机床主轴生产线项目", "湖北精机数控股份有限公司" }, { "磷酸铁锂正极材料项目", "湖北绿能新材料有限公司" },
			{ "精细化工中间体项目", "楚天化工集团有限公司" }, { "稻米精深加工产业园项目", "屈家岭粮油集团有限公司" }, { "印制电路板生产基地项目", "荆门芯科电子有限公司" },
			{ "废旧动力电池回收利用基地项目", "荆楚循环科技有限公司" }, { "康养医疗中心项目", "康宁健康产业集团有限公司" }, { "液压油缸生产车间项目", "钟祥重工机械有限公司" },
			{ "光伏玻璃生产线项目", "旭日新能源科技有限公司" }, { "磷化工升级改造项目", "荆门磷化集团有限公司" }, { "皮蛋及鸭制品加工项目", "沙洋绿源食品有限公司" },
			{ "智能电表组装项目", "掇刀智能电网设备有限公司" }, { "废钢加工配送中心项目", "东宝再生资源有限公司" }, { "中药提取生产线项目", "荆楚药业股份有限公司" },
			{ "植保无人机生产基地项目", "漳河通航科技有限公司" }, { "钠离子电池中试线项目", "湖北钠科新能源有限公司" }, { "有机硅密封胶项目", "钟祥盐化新材料有限公司" },
			{ "油茶精深加工项目", "京山油茶产业有限公司" }, { "光纤预制棒项目", "荆门光通科技有限公司" }, { "废旧轮胎热裂解项目", "绿环资源科技有限公司" },
			{ "医疗器械灭菌产业园项目", "荆门医疗科技有限公司" }, { "轴承锻造生产线项目", "京山精密轴承有限公司" }, { "氢能电解槽生产车间项目", "楚氢能源科技有限公司" },
			{ "特种树脂项目", "荆门华宇化工有限公司" }, { "小龙虾精深加工项目", "沙洋水产食品有限公司" }, { "服务器主板组装项目", "荆门云端设备有限公司" },
			{ "废塑料再生造粒项目", "东宝高分子再生科技有限公司" }, { "保健食品胶囊生产项目", "荆门康源生物科技有限公司" }, { "农业机械装配项目", "钟祥农机装备有限公司" },
			{ "储能柜集成项目", "东宝储能系统有限公司" }, { "标准厂房入驻：传感器贴片项目", "荆门感知电子有限公司" }, { "标准厂房入驻：服装辅料项目", "沙洋时尚服饰有限公司" } };

	/**
	 * Jingmen's administrative divisions in national project codes: 东宝, 掇刀, 钟祥, 京山, 沙洋.
	 */
	private static final String[] DIVISIONS = { "420802", "420804", "420881", "420882", "420822" };

	private static final ProjectType[] TYPES = { ProjectType.NEW, ProjectType.NEW, ProjectType.EXPANSION,
			ProjectType.NEW, ProjectType.UPGRADE, ProjectType.NEW, ProjectType.RELOCATION };

	private static final String[] REFERRERS = { "湖北荆门商会 王会长", "长三角荆门籍企业家联谊会", "深圳湖北商会 陈秘书长" };

	private static final CurrentUser LEADER = new CurrentUser("leader", EnumSet.of(Role.LEADER));

	private static final CurrentUser LEADER2 = new CurrentUser("leader2", EnumSet.of(Role.LEADER));

	private final Accounts users;

	private final ReferenceData reference;

	private final ProjectLifecycle lifecycle;

	private final ProjectViews views;

	private final ProgressLog progress;

	private final ApprovalService approvals;

	private final IdentityService identity;

	private final PasswordEncoder encoder;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final FulfilmentService fulfilment;

	private final TargetService targets;

	DemoData(Accounts users, ReferenceData reference, ProjectLifecycle lifecycle, ProjectViews views,
			ProgressLog progress, ApprovalService approvals, IdentityService identity, PasswordEncoder encoder,
			TransactionTemplate tx, Clock clock, FulfilmentService fulfilment, TargetService targets) {
		this.fulfilment = fulfilment;
		this.targets = targets;
		this.users = users;
		this.reference = reference;
		this.lifecycle = lifecycle;
		this.views = views;
		this.progress = progress;
		this.approvals = approvals;
		this.identity = identity;
		this.encoder = encoder;
		this.tx = tx;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		tx.executeWithoutResult(s -> {
			List<Accounts.DemoAccount> accounts = List.of(
					new Accounts.DemoAccount("officer", "Wang Fang (officer)", Set.of(Role.OFFICER)),
					new Accounts.DemoAccount("officer2", "Li Qiang (officer)", Set.of(Role.OFFICER)),
					new Accounts.DemoAccount("lead", "Zhang Wei (officer and manager)",
							Set.of(Role.OFFICER, Role.MANAGER)),
					new Accounts.DemoAccount("manager", "Chen Jing (manager)", Set.of(Role.MANAGER)),
					new Accounts.DemoAccount("auditor", "Liu Yang (auditor)", Set.of(Role.AUDITOR)),
					new Accounts.DemoAccount("admin", "Zhao Min (administrator)", Set.of(Role.ADMIN)),
					new Accounts.DemoAccount(LEADER.username(), "Zhou Jianguo (leader in charge)", Set.of(Role.LEADER)),
					new Accounts.DemoAccount(LEADER2.username(), "Sun Li (leader in charge)", Set.of(Role.LEADER)));
			if (users.createDemoAccounts(accounts, encoder.encode(PASSWORD), Instant.now(clock))) {
				log.info("Demo users created: officer, officer2, lead, manager, auditor, admin, leader, leader2 "
						+ "(password '{}')", PASSWORD);
			}
			if (reference.parks().isEmpty()) {
				PARKS.forEach(reference::addPark);
			}
			if (reference.industries().isEmpty()) {
				INDUSTRIES.forEach(reference::addIndustry);
			}
		});
		if (views.search(ProjectFilter.none(), 0, 1).totalElements() == 0) {
			createProjects();
		}
	}

	private void createProjects() {
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(20261127L);
		// The seed's reference project: 36 days from first talk to site selection, 15
		// months from commencement to
		// production. Its agreement's dates are the real ones, so it is green from first
		// talk to production.
		LocalDate talk = today.minusMonths(30);
		LocalDate commenced = talk.plusDays(70);
		Map<Stage, LocalDate> cheetahDates = new EnumMap<>(Stage.class);
		cheetahDates.put(Stage.SIGNING, talk.plusDays(20));
		cheetahDates.put(Stage.SITE_SELECTION, talk.plusDays(36));
		cheetahDates.put(Stage.CONSTRUCTION, commenced);
		cheetahDates.put(Stage.PRODUCTION, commenced.plusMonths(15));
		var cheetahFacts = new ProjectFacts(CHEETAH, "长风集团有限公司", "EQUIPMENT", "JS-IMP", AssetModel.HEAVY,
				new BigDecimal("500000"), new BigDecimal("420000"), new BigDecimal("500000"), new BigDecimal("600"),
				null, talk.getYear() + "-420882-36-03-000001", creditCode(random), ProjectType.NEW,
				Channel.BUSINESS_REFERRAL, "长风集团驻鄂办事处", FundsOrigin.OUT_OF_PROVINCE, LEADER.username(),
				KeyLevel.PROVINCE);
		long cheetah = create(OFFICER, "JM" + talk.getYear() + "-001", cheetahFacts, talk, cheetahDates);
		approve(cheetah, Stage.SIGNING, cheetahDates.get(Stage.SIGNING), OFFICER);
		advance(cheetah, Stage.SITE_SELECTION, cheetahDates.get(Stage.SITE_SELECTION), OFFICER);
		advance(cheetah, Stage.CONSTRUCTION, commenced, OFFICER);
		approve(cheetah, Stage.PRODUCTION, cheetahDates.get(Stage.PRODUCTION), OFFICER);
		// the reference project keeps its agreement: funds in place month by month, tax
		// paid every full year since signing, at capacity three months after production
		Random funding = new Random(13);
		funds(cheetah, cheetahDates.get(Stage.SIGNING), new BigDecimal("500000"), 8, funding, OFFICER);
		for (int year = cheetahDates.get(Stage.SIGNING).getYear(); year < today.getYear(); year++) {
			fulfilment.recordTax(cheetah, year, new BigDecimal("9000"), OFFICER);
		}
		LocalDate capacity = cheetahDates.get(Stage.PRODUCTION).plusMonths(3);
		if (!capacity.isAfter(today)) {
			fulfilment.recordCapacity(cheetah, capacity, OFFICER);
		}

		String[] industries = { "EQUIPMENT", "NEW_ENERGY", "CHEMICAL", "AGRI_FOOD", "ELECTRONICS", "RENEWABLE",
				"HEALTH" };
		CurrentUser[] owners = { OFFICER, OFFICER2, LEAD };
		Channel[] channels = { Channel.BUSINESS_REFERRAL, Channel.RESIDENT_OFFICE, Channel.BUSINESS_REFERRAL,
				Channel.EXPO, Channel.AGENCY, Channel.FUND, Channel.ONLINE, Channel.BUSINESS_REFERRAL, Channel.OTHER };
		DemoPlans plans = new DemoPlans();
		// its own sequence, so that the progress entries leave the projects' own figures
		// as they were
		Random weekly = new Random(11);
		for (int i = 0; i < NAMES.length; i++) {
			CurrentUser owner = owners[i % owners.length];
			String industry = industries[i % industries.length];
			String park = PARKS.get((i * 7) % PARKS.size()).code();
			AssetModel asset = NAMES[i][0].startsWith("标准厂房") || i % 5 == 4 ? AssetModel.LIGHT : AssetModel.HEAVY;
			LocalDate start = today.minusDays(40 + random.nextInt(1000));
			Path path = path(start, i, random, today);
			long totalWan = (500 + random.nextInt(30_000)) * 10L;
			Channel channel = channels[i % channels.length];
			var facts = new ProjectFacts(NAMES[i][0], NAMES[i][1], industry, park, asset, BigDecimal.valueOf(totalWan),
					BigDecimal.valueOf(totalWan * (70 + random.nextInt(21)) / 100),
					BigDecimal.valueOf(totalWan * (80 + random.nextInt(21)) / 100),
					asset == AssetModel.HEAVY ? BigDecimal.valueOf(30 + random.nextInt(450)) : null,
					asset == AssetModel.LIGHT ? BigDecimal.valueOf(2_000 + random.nextInt(18_000)) : null,
					path.steps().isEmpty() ? null
							: String.format("%d-%s-%02d-03-%06d", start.getYear(), DIVISIONS[i % DIVISIONS.length],
									10 + i, 100 + random.nextInt(900_000)),
					creditCode(random), TYPES[i % TYPES.length], channel,
					channel == Channel.BUSINESS_REFERRAL ? REFERRERS[i % REFERRERS.length] : null,
					i % 4 == 3 ? FundsOrigin.IN_PROVINCE
							: i % 7 == 5 ? FundsOrigin.ABROAD : FundsOrigin.OUT_OF_PROVINCE,
					i % 6 == 5 ? null : i % 2 == 0 ? LEADER.username() : LEADER2.username(),
					totalWan >= 150_000 ? KeyLevel.PROVINCE : totalWan >= 50_000 ? KeyLevel.CITY : KeyLevel.NONE);
			String code = String.format("JM%d-%03d", start.getYear(), i + 2);
			long id = create(owner, code, facts, start, plans.plan(path, i, random, today));
			walk(id, owner, path, i);
			if (!path.steps().isEmpty() && !(path.lastPending() && path.steps().size() == 1)) {
				funds(id, path.steps().get(0), facts.contractedInvestmentWan(), 1 + funding.nextInt(3), funding, owner);
			}
			// officers log progress every few weeks, as a bureau's 周调度 asks; one in nine
			// projects has gone quiet
			if (path.droppedOn() == null && path.stage() != Stage.PRODUCTION && i % 9 != 8) {
				LocalDate on = today.minusDays(3 + weekly.nextInt(25));
				LocalDate logged = on.isBefore(path.lastReached()) ? path.lastReached() : on;
				as(owner, () -> progress.record(id, new ProgressEntry.New(logged, "与投资方周调度：按计划推进", null, "下周继续跟进手续办理"),
						owner));
			}
		}
		for (int year : new int[] { today.getYear() - 1, today.getYear() }) {
			targets.set(new Targets(year, null, 12, new BigDecimal("600000"), 8, 6, new BigDecimal("200000"), null),
					MANAGER);
			for (String park : List.of("JS-IMP", "ZX-CNC")) {
				targets.set(new Targets(year, park, 3, new BigDecimal("150000"), 2, 2, new BigDecimal("50000"), null),
						MANAGER);
			}
		}
		log.info("Demo projects created: {}", NAMES.length + 1);
	}

	/**
	 * Funds in place for {@code months} months from the month of signing (a few of them
	 * skipped), each 5 to 15% of the contracted investment; never a month to come.
	 */
	private void funds(long id, LocalDate signed, BigDecimal contractedWan, int months, Random random,
			CurrentUser owner) {
		YearMonth month = YearMonth.from(signed);
		YearMonth now = YearMonth.now(clock);
		for (int i = 0; i < months && !month.isAfter(now); i++) {
			BigDecimal amount = contractedWan.multiply(BigDecimal.valueOf(5 + random.nextInt(11)))
				.divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP);
			fulfilment.recordFunds(id, month, amount, owner);
			month = month.plusMonths(1 + random.nextInt(2));
		}
	}

	/**
	 * Where a demo project gets to: the dates of the milestones it reaches (signing
	 * first), whether the last of them waits for a manager's approval, and whether it is
	 * dropped, and on which day.
	 */
	private record Path(LocalDate start, List<LocalDate> steps, boolean lastPending, LocalDate droppedOn) {

		/** The day of the latest milestone reached (a pending one is not). */
		LocalDate lastReached() {
			int reached = steps.size() - (lastPending ? 1 : 0);
			return reached == 0 ? start : steps.get(reached - 1);
		}

		/** The stage the project is in. */
		Stage stage() {
			return Stage.values()[steps.size() - (lastPending ? 1 : 0)];
		}

	}

	/** Realistic stage lengths, stopping before today or at the project's planned end. */
	private static Path path(LocalDate start, int index, Random random, LocalDate today) {
		int[][] lengths = { { 15, 90 }, { 10, 50 }, { 30, 150 }, { 240, 330 } };
		int plannedEnd = switch (index % 8) {
			case 0 -> 0;
			case 1, 2 -> 4;
			case 3 -> 1;
			case 4 -> 2;
			case 5 -> 3;
			case 6 -> -1;
			default -> 4;
		};
		List<LocalDate> steps = new ArrayList<>();
		LocalDate on = start;
		Stage stage = Stage.NEGOTIATION;
		boolean pending = false;
		while (stage.next().isPresent() && stage.ordinal() < Math.max(plannedEnd, 0)) {
			int[] range = lengths[stage.ordinal()];
			LocalDate next = on.plusDays(range[0] + random.nextInt(range[1] - range[0]));
			if (next.isAfter(today)) {
				break;
			}
			Stage to = stage.next().get();
			steps.add(next);
			if (to.approvalRequired() && to.ordinal() == plannedEnd && index % 3 == 0) {
				pending = true;
				break;
			}
			on = next;
			stage = to;
		}
		LocalDate dropped = null;
		if (!pending && (plannedEnd == -1 || index == 9) && stage.droppable()) {
			dropped = on.plusDays(10).isAfter(today) ? today : on.plusDays(10);
		}
		return new Path(start, steps, pending, dropped);
	}

	/**
	 * The agreed dates of the demo projects: each milestone reached was agreed for a few
	 * days after it happened, the next one lies ahead (green), except for a few whose
	 * next agreed date has passed: up to three by more than 30 days (red), up to three by
	 * one to two weeks (yellow). Two projects have no agreed dates at all, so their light
	 * is the stage's age.
	 */
	private static final class DemoPlans {

		private static final int[] TYPICAL_DAYS = { 0, 45, 40, 90, 300 };

		private int red;

		private int yellow;

		Map<Stage, LocalDate> plan(Path path, int index, Random random, LocalDate today) {
			Map<Stage, LocalDate> agreed = new EnumMap<>(Stage.class);
			if (index % 11 == 10) {
				return agreed;
			}
			LocalDate previous = path.start();
			for (int k = 0; k < path.steps().size(); k++) {
				Stage stage = Stage.values()[k + 1];
				boolean reached = !(path.lastPending() && k == path.steps().size() - 1);
				if (!reached) {
					break;
				}
				LocalDate date = path.steps().get(k).plusDays(random.nextInt(15));
				agreed.put(stage, date.isBefore(previous) ? previous : date);
				previous = agreed.get(stage);
			}
			Stage next = path.stage().next().orElse(null);
			if (next == null) {
				return agreed;
			}
			LocalDate last = path.lastReached();
			boolean active = path.droppedOn() == null;
			LocalDate date;
			if (active && red < 3 && index % 3 == 1 && !last.isAfter(today.minusDays(45))) {
				red++;
				date = today.minusDays(35 + random.nextInt(10));
			}
			else if (active && yellow < 3 && index % 3 == 2 && !last.isAfter(today.minusDays(20))) {
				yellow++;
				date = today.minusDays(5 + random.nextInt(12));
			}
			else {
				date = (last.isAfter(today) ? last : today).plusDays(15 + random.nextInt(120));
			}
			agreed.put(next, date.isBefore(previous) ? previous : date);
			for (Stage s = next; s.next().isPresent(); s = s.next().get()) {
				Stage after = s.next().get();
				agreed.put(after, agreed.get(s).plusDays(TYPICAL_DAYS[after.ordinal()]));
			}
			return agreed;
		}

	}

	/**
	 * Moves a project along its path, as its officer, with a manager's decision where one
	 * is needed.
	 */
	private void walk(long id, CurrentUser owner, Path path, int index) {
		for (int k = 0; k < path.steps().size(); k++) {
			Stage to = Stage.values()[k + 1];
			LocalDate on = path.steps().get(k);
			if (path.lastPending() && k == path.steps().size() - 1) {
				request(id, to, on, owner);
				return;
			}
			if (to.approvalRequired()) {
				approve(id, to, on, owner);
			}
			else {
				advance(id, to, on, owner);
			}
		}
		if (path.droppedOn() != null) {
			as(owner, () -> {
				lifecycle.drop(id, path.droppedOn(), "投资方在土地价格谈判后选择了其他城市", owner);
				return null;
			});
		}
		// project 24 is one of officer's that stays in negotiation (index % 8 == 0), so
		// its request is always there to reject
		if (index == 24 && path.stage() == Stage.NEGOTIATION) {
			LocalDate asked = path.start().plusDays(5).isAfter(LocalDate.now(clock)) ? LocalDate.now(clock)
					: path.start().plusDays(5);
			String task = request(id, Stage.SIGNING, asked, owner);
			as(MANAGER, () -> approvals.decide(task, Decision.REJECT, "投资强度低于园区每亩300万元的准入标准", MANAGER));
		}
	}

	/**
	 * A well-formed 统一社会信用代码 of a Jingmen company: its check character computed as GB
	 * 32100-2015 says.
	 */
	private static String creditCode(Random random) {
		String digits = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		var body = new StringBuilder("91420800MA4");
		for (int i = 0; i < 6; i++) {
			body.append(digits.charAt(random.nextInt(10)));
		}
		for (char check : digits.toCharArray()) {
			if (Identifiers.isValidCreditCode(body.toString() + check)) {
				return body.toString() + check;
			}
		}
		throw new IllegalStateException("no check character for " + body);
	}

	private long create(CurrentUser owner, String code, ProjectFacts facts, LocalDate started,
			Map<Stage, LocalDate> plan) {
		return as(owner, () -> lifecycle
			.create(new ProjectLifecycle.CreateCommand(code, facts, owner.username(), started, plan), owner));
	}

	private void advance(long id, Stage to, LocalDate on, CurrentUser owner) {
		as(owner, () -> lifecycle.advance(id, to, on, null, owner));
	}

	private String request(long id, Stage to, LocalDate on, CurrentUser owner) {
		as(owner, () -> lifecycle.advance(id, to, on, "合同条款已谈妥，请审批", owner));
		return views.get(id).pendingApproval().taskId();
	}

	private void approve(long id, Stage to, LocalDate on, CurrentUser owner) {
		String task = request(id, to, on, owner);
		CurrentUser decider = owner.username().equals(MANAGER.username()) ? LEAD : MANAGER;
		as(decider, () -> approvals.decide(task, Decision.APPROVE, "周调度会审议通过", decider));
	}

	private <T> T as(CurrentUser user, Supplier<T> action) {
		identity.setAuthentication(user.username(), user.roles().stream().map(Enum::name).toList());
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
