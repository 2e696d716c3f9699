package com.investtrack.approval;

enum ApprovalStatus {

	PENDING, APPROVED, REJECTED, CANCELLED

}
