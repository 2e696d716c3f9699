package com.investtrack.web;

import org.springframework.web.util.UriComponentsBuilder;

import com.investtrack.common.Stage;
import com.investtrack.common.Role;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.Health;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.Outcome;
import com.investtrack.project.ProjectFilter;
import com.investtrack.project.ProjectType;
import com.investtrack.security.CurrentUser;

/**
 * The board's query parameters; a value that does not parse is ignored, so an old
 * bookmark still opens.
 */
class BoardFilter {

	/**
	 * Which projects the board shows: those still moving or producing, or those dropped
	 * (by the stage they left).
	 */
	public enum Status {

		CURRENT, DROPPED

	}

	private String park;

	private String industry;

	private String officer;

	private AssetModel asset;

	private Health health;

	private String q;

	private String leader;

	private KeyLevel keyLevel;

	private ProjectType projectType;

	private Channel channel;

	private boolean mine;

	private Status status = Status.CURRENT;

	private Stage stage;

	private int page;

	/**
	 * The service filter for one stage of the board, for {@code user}: "my projects" are
	 * those an officer owns, or those a leader (包保领导) is in charge of.
	 */
	ProjectFilter toFilter(Stage column, CurrentUser user) {
		Outcome outcome = status == Status.DROPPED ? Outcome.DROPPED
				: column == Stage.PRODUCTION ? Outcome.IN_PRODUCTION : Outcome.ACTIVE;
		boolean mineAsOfficer = mine && user.isOfficer();
		boolean mineAsLeader = mine && !user.isOfficer() && user.has(Role.LEADER);
		return new ProjectFilter(column, park, industry, mineAsOfficer ? user.username() : officer, health, asset,
				outcome, q, mineAsLeader ? user.username() : leader, keyLevel, projectType, channel);
	}

	/**
	 * This filter's address with another stage and page (stage null: the whole board).
	 */
	public String link(Stage toStage, int toPage) {
		var uri = UriComponentsBuilder.fromPath("/");
		add(uri, "park", park);
		add(uri, "industry", industry);
		add(uri, "officer", officer);
		add(uri, "asset", asset);
		add(uri, "health", health);
		add(uri, "q", q);
		add(uri, "leader", leader);
		add(uri, "keyLevel", keyLevel);
		add(uri, "projectType", projectType);
		add(uri, "channel", channel);
		add(uri, "mine", mine ? "true" : null);
		add(uri, "status", status == Status.DROPPED ? status : null);
		add(uri, "stage", toStage);
		add(uri, "page", toPage > 0 ? toPage : null);
		return uri.build().encode().toUriString();
	}

	/**
	 * The ledger export (.xlsx) of what this filter shows, for {@code user}: every
	 * outcome while the board shows current projects (the ledger lists them all), only
	 * dropped ones when it shows those.
	 */
	String exportLink(CurrentUser user) {
		boolean mineAsOfficer = mine && user.isOfficer();
		boolean mineAsLeader = mine && !user.isOfficer() && user.has(Role.LEADER);
		var uri = UriComponentsBuilder.fromPath("/api/projects/export.xlsx");
		add(uri, "parkCode", park);
		add(uri, "industryCode", industry);
		add(uri, "officer", mineAsOfficer ? user.username() : officer);
		add(uri, "assetModel", asset);
		add(uri, "health", health);
		add(uri, "q", q);
		add(uri, "stage", stage);
		add(uri, "leader", mineAsLeader ? user.username() : leader);
		add(uri, "keyLevel", keyLevel);
		add(uri, "projectType", projectType);
		add(uri, "channel", channel);
		add(uri, "outcome", status == Status.DROPPED ? Outcome.DROPPED : null);
		return uri.build().encode().toUriString();
	}

	/**
	 * This filter's CSV download: the same criteria (and stage, if one is open) as the
	 * page.
	 */
	public String csvLink() {
		String link = link(stage, 0);
		return "/board.csv" + link.substring(1);
	}

	/**
	 * The same stage (or the whole board) without any other criterion. A leader's bare
	 * board opens on their own projects, so theirs says "mine=false" to show every
	 * project.
	 */
	public String clearLink(boolean leader) {
		if (stage != null) {
			return UriComponentsBuilder.fromPath("/").queryParam("stage", stage).build().toUriString();
		}
		return leader ? "/?mine=false" : "/";
	}

	/** Whether anything narrows the board, so the page can offer to clear it. */
	public boolean isFiltered() {
		return park != null || industry != null || officer != null || asset != null || health != null || q != null
				|| leader != null || keyLevel != null || projectType != null || channel != null || mine
				|| status != Status.CURRENT;
	}

	private static void add(UriComponentsBuilder uri, String name, Object value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}

	public String getPark() {
		return park;
	}

	public void setPark(String park) {
		this.park = park;
	}

	public String getIndustry() {
		return industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public String getOfficer() {
		return officer;
	}

	public void setOfficer(String officer) {
		this.officer = officer;
	}

	public AssetModel getAsset() {
		return asset;
	}

	public void setAsset(AssetModel asset) {
		this.asset = asset;
	}

	public Health getHealth() {
		return health;
	}

	public void setHealth(Health health) {
		this.health = health;
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q == null || q.length() <= 100 ? q : q.substring(0, 100);
	}

	public String getLeader() {
		return leader;
	}

	public void setLeader(String leader) {
		this.leader = leader;
	}

	public KeyLevel getKeyLevel() {
		return keyLevel;
	}

	public void setKeyLevel(KeyLevel keyLevel) {
		this.keyLevel = keyLevel;
	}

	public ProjectType getProjectType() {
		return projectType;
	}

	public void setProjectType(ProjectType projectType) {
		this.projectType = projectType;
	}

	public Channel getChannel() {
		return channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public boolean isMine() {
		return mine;
	}

	public void setMine(boolean mine) {
		this.mine = mine;
	}

	public Status getStatus() {
		return status;
	}

	public void setStatus(Status status) {
		this.status = status == null ? Status.CURRENT : status;
	}

	public Stage getStage() {
		return stage;
	}

	public void setStage(Stage stage) {
		this.stage = stage;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = Math.max(0, Math.min(page, 100_000));
	}

}
