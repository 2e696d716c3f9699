package com.investtrack.approval;

public enum ApprovalStatus {

	PENDING, APPROVED, REJECTED, CANCELLED

}
