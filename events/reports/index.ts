/** The events of `reports.events`, one schema per type and version. */
export { AnnualReportDraftSavedV1 } from './AnnualReportDraftSaved.v1.js';
export { AnnualReportSubmittedV1 } from './AnnualReportSubmitted.v1.js';
export { AnnualReportReturnedV1 } from './AnnualReportReturned.v1.js';
export { AnnualReportAcceptedV1 } from './AnnualReportAccepted.v1.js';
export { AnnualReportReopenedV1 } from './AnnualReportReopened.v1.js';
export { HearingScheduledV1 } from './HearingScheduled.v1.js';
export { HearingCommentRecordedV1 } from './HearingCommentRecorded.v1.js';
export { RectificationOpenedV1 } from './RectificationOpened.v1.js';
export { RectificationEvidenceSubmittedV1 } from './RectificationEvidenceSubmitted.v1.js';
export { RectificationClosedV1 } from './RectificationClosed.v1.js';
export { RectificationReopenedV1 } from './RectificationReopened.v1.js';
export { KeyTaskAddedV1 } from './KeyTaskAdded.v1.js';
export { KeyTaskProgressedV1 } from './KeyTaskProgressed.v1.js';
export { KeyTaskClosedV1 } from './KeyTaskClosed.v1.js';
export { KeyTaskRatedV1 } from './KeyTaskRated.v1.js';
export { LedgerFiledV1 } from './LedgerFiled.v1.js';
export { LedgerCheckedV1 } from './LedgerChecked.v1.js';
