package com.investtrack.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;

import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.project.AssetModel;
import com.investtrack.project.Channel;
import com.investtrack.project.FundsOrigin;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.ProjectType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A project's record as the bureau's ledger keeps it, money in 万元 and land in 亩: the
 * creation form (with officer, first-talk date and the agreed dates known so far) and the
 * edit form (without them: they have steps of their own). The rules beyond the shape
 * (codes, leader, amounts) are the project service's, shared with the API.
 */
class ProjectForm {

	private static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";

	private static final String MAX_WAN = "10000000000";

	@Size(max = 32)
	private String code;

	@NotBlank
	@Size(max = 200)
	@Pattern(regexp = NO_CONTROL)
	private String name;

	@NotBlank
	@Size(max = 200)
	@Pattern(regexp = NO_CONTROL)
	private String investor;

	@NotBlank
	@Size(max = 32)
	private String industryCode;

	@NotBlank
	@Size(max = 32)
	private String parkCode;

	@NotNull
	private AssetModel assetModel;

	@NotNull
	@Positive
	@Digits(integer = 11, fraction = 6)
	@DecimalMax(MAX_WAN)
	private BigDecimal totalInvestmentWan;

	@Positive
	@Digits(integer = 11, fraction = 6)
	@DecimalMax(MAX_WAN)
	private BigDecimal fixedAssetInvestmentWan;

	@Positive
	@Digits(integer = 11, fraction = 6)
	@DecimalMax(MAX_WAN)
	private BigDecimal contractedInvestmentWan;

	@PositiveOrZero
	@Digits(integer = 7, fraction = 6)
	@DecimalMax("1000000")
	private BigDecimal landMu;

	@PositiveOrZero
	@Digits(integer = 9, fraction = 2)
	@DecimalMax("100000000")
	private BigDecimal floorAreaM2;

	@Size(max = 32)
	@Pattern(regexp = NO_CONTROL)
	private String nationalCode;

	@Size(max = 18)
	@Pattern(regexp = NO_CONTROL)
	private String creditCode;

	private ProjectType projectType;

	private Channel channel;

	@Size(max = 200)
	@Pattern(regexp = NO_CONTROL)
	private String referrer;

	private FundsOrigin fundsOrigin;

	@Size(max = 64)
	private String leader;

	private KeyLevel keyLevel;

	@Size(max = 64)
	private String officer;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate negotiationStartedOn;

	@Valid
	private AgreedDates dates = new AgreedDates();

	static ProjectForm of(ProjectView p) {
		ProjectForm form = new ProjectForm();
		form.code = p.code();
		form.name = p.name();
		form.investor = p.investor();
		form.industryCode = p.industryCode();
		form.parkCode = p.parkCode();
		form.assetModel = p.assetModel();
		form.totalInvestmentWan = plain(p.totalInvestmentWan());
		form.fixedAssetInvestmentWan = plain(p.fixedAssetInvestmentWan());
		form.contractedInvestmentWan = plain(p.contractedInvestmentWan());
		form.landMu = plain(p.landMu());
		form.floorAreaM2 = plain(p.floorAreaM2());
		form.nationalCode = p.nationalCode();
		form.creditCode = p.creditCode();
		form.projectType = p.projectType();
		form.channel = p.channel();
		form.referrer = p.referrer();
		form.fundsOrigin = p.fundsOrigin();
		form.leader = p.leader();
		form.keyLevel = p.keyLevel();
		return form;
	}

	/** 5000000000.00 as 5000000000, not 5E+9, in the input field. */
	private static BigDecimal plain(BigDecimal value) {
		return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
	}

	ProjectLifecycle.CreateCommand toCreate() {
		return new ProjectLifecycle.CreateCommand(code, facts(), officer, negotiationStartedOn, dates.set());
	}

	/**
	 * The record as this form states it (every fact is on the form, so nothing stored is
	 * kept).
	 */
	ProjectFacts facts() {
		return new ProjectFacts(name, investor, industryCode, parkCode, assetModel, totalInvestmentWan,
				fixedAssetInvestmentWan, contractedInvestmentWan, landMu, floorAreaM2, upper(nationalCode),
				upper(creditCode), projectType, channel, referrer, fundsOrigin, leader,
				keyLevel == null ? KeyLevel.NONE : keyLevel);
	}

	/** Codes are written in capitals; people type them either way. */
	private static String upper(String code) {
		return code == null ? null : code.toUpperCase(Locale.ROOT);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getInvestor() {
		return investor;
	}

	public void setInvestor(String investor) {
		this.investor = investor;
	}

	public String getIndustryCode() {
		return industryCode;
	}

	public void setIndustryCode(String industryCode) {
		this.industryCode = industryCode;
	}

	public String getParkCode() {
		return parkCode;
	}

	public void setParkCode(String parkCode) {
		this.parkCode = parkCode;
	}

	public AssetModel getAssetModel() {
		return assetModel;
	}

	public void setAssetModel(AssetModel assetModel) {
		this.assetModel = assetModel;
	}

	public BigDecimal getTotalInvestmentWan() {
		return totalInvestmentWan;
	}

	public void setTotalInvestmentWan(BigDecimal totalInvestmentWan) {
		this.totalInvestmentWan = totalInvestmentWan;
	}

	public BigDecimal getFixedAssetInvestmentWan() {
		return fixedAssetInvestmentWan;
	}

	public void setFixedAssetInvestmentWan(BigDecimal fixedAssetInvestmentWan) {
		this.fixedAssetInvestmentWan = fixedAssetInvestmentWan;
	}

	public BigDecimal getContractedInvestmentWan() {
		return contractedInvestmentWan;
	}

	public void setContractedInvestmentWan(BigDecimal contractedInvestmentWan) {
		this.contractedInvestmentWan = contractedInvestmentWan;
	}

	public BigDecimal getLandMu() {
		return landMu;
	}

	public void setLandMu(BigDecimal landMu) {
		this.landMu = landMu;
	}

	public BigDecimal getFloorAreaM2() {
		return floorAreaM2;
	}

	public void setFloorAreaM2(BigDecimal floorAreaM2) {
		this.floorAreaM2 = floorAreaM2;
	}

	public String getNationalCode() {
		return nationalCode;
	}

	public void setNationalCode(String nationalCode) {
		this.nationalCode = nationalCode;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public void setCreditCode(String creditCode) {
		this.creditCode = creditCode;
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

	public String getReferrer() {
		return referrer;
	}

	public void setReferrer(String referrer) {
		this.referrer = referrer;
	}

	public FundsOrigin getFundsOrigin() {
		return fundsOrigin;
	}

	public void setFundsOrigin(FundsOrigin fundsOrigin) {
		this.fundsOrigin = fundsOrigin;
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

	public String getOfficer() {
		return officer;
	}

	public void setOfficer(String officer) {
		this.officer = officer;
	}

	public LocalDate getNegotiationStartedOn() {
		return negotiationStartedOn;
	}

	public void setNegotiationStartedOn(LocalDate negotiationStartedOn) {
		this.negotiationStartedOn = negotiationStartedOn;
	}

	public AgreedDates getDates() {
		return dates;
	}

	public void setDates(AgreedDates dates) {
		this.dates = dates;
	}

}
