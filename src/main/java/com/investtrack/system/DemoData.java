package com.investtrack.system;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import com.investtrack.common.Role;
import com.investtrack.common.Stage;
import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectViews;
import com.investtrack.project.AssetModel;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.Units;
import com.investtrack.project.Industry;
import com.investtrack.project.Park;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ReferenceData;
import com.investtrack.security.CurrentUser;
import com.investtrack.security.UserRepository;

/**
 * Demo users, parks, industries and projects, switched on by {@code app.demo-data}. Each part is added only where its
 * table is empty, so existing data is never overwritten. Projects are moved through the real lifecycle, as the demo
 * users, so engine state, milestones and audit trail are what real use would leave.
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

	private final UserRepository users;

	private final ReferenceData reference;

	private final ProjectLifecycle lifecycle;

	private final ProjectViews views;

	private final ApprovalService approvals;

	private final IdentityService identity;

	private final PasswordEncoder encoder;

	private final TransactionTemplate tx;

	private final Clock clock;

	DemoData(UserRepository users, ReferenceData reference, ProjectLifecycle lifecycle, ProjectViews views,
			ApprovalService approvals, IdentityService identity, PasswordEncoder encoder, TransactionTemplate tx,
			Clock clock) {
		this.users = users;
		this.reference = reference;
		this.lifecycle = lifecycle;
		this.views = views;
		this.approvals = approvals;
		this.identity = identity;
		this.encoder = encoder;
		this.tx = tx;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		tx.executeWithoutResult(s -> {
			if (users.count() == 0) {
				String hash = encoder.encode(PASSWORD);
				Instant now = Instant.now(clock);
				users.insert("officer", "Wang Fang (officer)", hash, Set.of(Role.OFFICER), now);
				users.insert("officer2", "Li Qiang (officer)", hash, Set.of(Role.OFFICER), now);
				users.insert("lead", "Zhang Wei (officer and manager)", hash, Set.of(Role.OFFICER, Role.MANAGER), now);
				users.insert("manager", "Chen Jing (manager)", hash, Set.of(Role.MANAGER), now);
				users.insert("auditor", "Liu Yang (auditor)", hash, Set.of(Role.AUDITOR), now);
				users.insert("admin", "Zhao Min (administrator)", hash, Set.of(Role.ADMIN), now);
				log.info("Demo users created: officer, officer2, lead, manager, auditor, admin (password '{}')", PASSWORD);
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
		// The seed's reference project: 36 days from first talk to site selection, 15 months from commencement to production.
		LocalDate talk = today.minusMonths(30);
		long cheetah = create(OFFICER, "Changfeng Cheetah automobile plant", "Changfeng Group", "EQUIPMENT", "JS-IMP",
				AssetModel.HEAVY, "5000000000", "400000", talk);
		approve(cheetah, Stage.SIGNING, talk.plusDays(20), OFFICER);
		advance(cheetah, Stage.SITE_SELECTION, talk.plusDays(36), OFFICER);
		LocalDate commenced = talk.plusDays(70);
		advance(cheetah, Stage.CONSTRUCTION, commenced, OFFICER);
		approve(cheetah, Stage.PRODUCTION, commenced.plusMonths(15), OFFICER);

		String[][] names = { { "CNC machine tool spindle line", "Hubei Jingji CNC" },
				{ "Lithium iron phosphate cathode plant", "Hubei Greenpower Materials" },
				{ "Fine chemicals intermediate plant", "Chutian Chemical" },
				{ "Rice deep-processing cluster", "Qujialing Grain Group" },
				{ "Printed circuit board factory", "Jingmen Xinke Electronics" },
				{ "Waste battery recycling base", "GEM Circular" }, { "Elderly care and rehabilitation centre", "Kangning Health" },
				{ "Hydraulic cylinder workshop", "Zhongxiang Heavy Industry" }, { "Photovoltaic glass line", "Sunrise New Energy" },
				{ "Phosphate fertiliser upgrade", "Jingmen Phosphorus" }, { "Preserved egg and duck products", "Shayang Lvyuan Foods" },
				{ "Smart meter assembly", "Duodao Smart Grid" }, { "Scrap steel processing centre", "Dongbao Renewables" },
				{ "Traditional Chinese medicine extraction", "Jingchu Pharma" }, { "Agricultural drone factory", "Zhanghe Aviation" },
				{ "Sodium-ion battery pilot line", "Hubei Natrium Tech" }, { "Silicone sealants plant", "Zhongxiang Salt Chem" },
				{ "Tea-oil camellia pressing plant", "Jingshan Camellia" }, { "Optical fibre preform plant", "Jingmen Guangtong" },
				{ "Tyre recycling and pyrolysis", "Green Loop Resources" }, { "Medical device sterilisation park", "Jingmen Meditech" },
				{ "Bearing forging line", "Jingshan Precision Bearings" }, { "Hydrogen electrolyser workshop", "Chuqing Hydrogen" },
				{ "Specialty resin plant", "Jingmen Huayu Chemical" }, { "Freshwater crayfish processing", "Qianjiang-Shayang Aquatic" },
				{ "Server motherboard assembly", "Jingmen Cloud Devices" }, { "Plastic regeneration granulation", "Dongbao Polymer Renewal" },
				{ "Health food capsules plant", "Jingmen Kangyuan" }, { "Agricultural machinery assembly", "Zhongxiang Nongji" },
				{ "Energy storage cabinet integration", "Dongbao Storage Systems" }, { "Standard factory move-in: sensor SMT", "Jingmen Sensetek" },
				{ "Standard factory move-in: garment accessories", "Shayang Fashion" } };
		String[] industries = { "EQUIPMENT", "NEW_ENERGY", "CHEMICAL", "AGRI_FOOD", "ELECTRONICS", "RENEWABLE", "HEALTH" };
		Random random = new Random(20261127L);
		CurrentUser[] owners = { OFFICER, OFFICER2, LEAD };
		for (int i = 0; i < names.length; i++) {
			CurrentUser owner = owners[i % owners.length];
			String industry = industries[i % industries.length];
			String park = PARKS.get((i * 7) % PARKS.size()).code();
			AssetModel asset = names[i][0].startsWith("Standard factory") || i % 5 == 4 ? AssetModel.LIGHT : AssetModel.HEAVY;
			LocalDate start = today.minusDays(40 + random.nextInt(1000));
			long amount = (50 + random.nextInt(3000)) * 1_000_000L;
			String land = asset == AssetModel.HEAVY ? String.valueOf(20_000 + random.nextInt(300_000)) : null;
			long id = create(owner, names[i][0], names[i][1], industry, park, asset, String.valueOf(amount), land, start);
			walk(id, owner, start, i, random, today);
		}
		log.info("Demo projects created: {}", names.length + 1);
	}

	/** Moves a project along its path with realistic stage lengths, stopping before today or at its planned end. */
	private void walk(long id, CurrentUser owner, LocalDate start, int index, Random random, LocalDate today) {
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
		LocalDate on = start;
		Stage stage = Stage.NEGOTIATION;
		while (stage.next().isPresent() && stage.ordinal() < Math.max(plannedEnd, 0)) {
			int[] range = lengths[stage.ordinal()];
			LocalDate next = on.plusDays(range[0] + random.nextInt(range[1] - range[0]));
			if (next.isAfter(today)) {
				break;
			}
			Stage to = stage.next().get();
			boolean lastStep = to.ordinal() == plannedEnd;
			if (to.approvalRequired() && lastStep && index % 3 == 0) {
				request(id, to, next, owner);
				return;
			}
			if (to.approvalRequired()) {
				approve(id, to, next, owner);
			}
			else {
				advance(id, to, next, owner);
			}
			on = next;
			stage = to;
		}
		if ((plannedEnd == -1 || index == 9) && stage.droppable()) {
			LocalDate dropOn = on.plusDays(10).isAfter(today) ? today : on.plusDays(10);
			as(owner, () -> {
				lifecycle.drop(id, dropOn, "Investor chose another city after the land price talks", owner);
				return null;
			});
		}
		// project 24 is one of officer's that stays in negotiation (index % 8 == 0), so its request is always there to reject
		if (index == 24 && stage == Stage.NEGOTIATION) {
			LocalDate asked = on.plusDays(5).isAfter(today) ? today : on.plusDays(5);
			String task = request(id, Stage.SIGNING, asked, owner);
			as(MANAGER, () -> approvals.decide(task, Decision.REJECT, "Investment intensity below the park's 3 million yuan per mu",
					MANAGER));
		}
	}

	private long create(CurrentUser owner, String name, String investor, String industry, String park, AssetModel asset,
			String amount, String land, LocalDate started) {
		var facts = new ProjectFacts(name, investor, industry, park, asset, Units.yuanToWan(new BigDecimal(amount)), null,
				null, land == null ? null : Units.m2ToMu(new BigDecimal(land)), null, null, null, null, null, null, null,
				null, KeyLevel.NONE);
		return as(owner, () -> lifecycle.create(
				new ProjectLifecycle.CreateCommand(null, facts, owner.username(), started, Map.of()), owner));
	}

	private void advance(long id, Stage to, LocalDate on, CurrentUser owner) {
		as(owner, () -> lifecycle.advance(id, to, on, null, owner));
	}

	private String request(long id, Stage to, LocalDate on, CurrentUser owner) {
		as(owner, () -> lifecycle.advance(id, to, on, "Contract terms agreed; please approve", owner));
		return views.get(id).pendingApproval().taskId();
	}

	private void approve(long id, Stage to, LocalDate on, CurrentUser owner) {
		String task = request(id, to, on, owner);
		CurrentUser decider = owner.username().equals(MANAGER.username()) ? LEAD : MANAGER;
		as(decider, () -> approvals.decide(task, Decision.APPROVE, "Approved at the weekly review meeting", decider));
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
