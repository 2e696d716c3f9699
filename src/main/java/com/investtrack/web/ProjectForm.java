package com.investtrack.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import com.investtrack.lifecycle.ProjectLifecycle;
import com.investtrack.lifecycle.ProjectView;
import com.investtrack.project.AssetModel;
import com.investtrack.project.KeyLevel;
import com.investtrack.project.ProjectFacts;
import com.investtrack.project.Units;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A project's facts: the creation form (with officer and first-talk date) and the edit form (without them). */
public class ProjectForm {

	private static final String NO_CONTROL = "^[^\\p{Cntrl}]*$";

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
	@Digits(integer = 16, fraction = 2)
	private BigDecimal investmentAmountYuan;

	@PositiveOrZero
	@Digits(integer = 12, fraction = 2)
	@DecimalMax("100000000")
	private BigDecimal landAreaM2;

	@Size(max = 64)
	private String officer;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate negotiationStartedOn;

	static ProjectForm of(ProjectView p) {
		ProjectForm form = new ProjectForm();
		form.name = p.name();
		form.investor = p.investor();
		form.industryCode = p.industryCode();
		form.parkCode = p.parkCode();
		form.assetModel = p.assetModel();
		form.investmentAmountYuan = plain(p.investmentAmountYuan());
		form.landAreaM2 = plain(p.landAreaM2());
		return form;
	}

	/** 5000000000.00 as 5000000000, not 5E+9, in the input field. */
	private static BigDecimal plain(BigDecimal value) {
		return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
	}

	ProjectLifecycle.CreateCommand toCreate() {
		return new ProjectLifecycle.CreateCommand(null, applyTo(null), officer, negotiationStartedOn, Map.of());
	}

	/** The stored facts (null for a new project) with this form's fields put in. */
	ProjectFacts applyTo(ProjectFacts stored) {
		return new ProjectFacts(name, investor, industryCode, parkCode, assetModel, Units.yuanToWan(investmentAmountYuan),
				stored == null ? null : stored.fixedAssetInvestmentWan(),
				stored == null ? null : stored.contractedInvestmentWan(), Units.m2ToMu(landAreaM2),
				stored == null ? null : stored.floorAreaM2(), stored == null ? null : stored.nationalCode(),
				stored == null ? null : stored.creditCode(), stored == null ? null : stored.projectType(),
				stored == null ? null : stored.channel(), stored == null ? null : stored.referrer(),
				stored == null ? null : stored.fundsOrigin(), stored == null ? null : stored.leader(),
				stored == null ? KeyLevel.NONE : stored.keyLevel());
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

	public BigDecimal getInvestmentAmountYuan() {
		return investmentAmountYuan;
	}

	public void setInvestmentAmountYuan(BigDecimal investmentAmountYuan) {
		this.investmentAmountYuan = investmentAmountYuan;
	}

	public BigDecimal getLandAreaM2() {
		return landAreaM2;
	}

	public void setLandAreaM2(BigDecimal landAreaM2) {
		this.landAreaM2 = landAreaM2;
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

}
