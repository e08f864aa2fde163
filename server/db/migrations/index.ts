import type { Migration } from 'kysely';
import * as foundation from './20261126T0700_foundation';
import * as plans from './20261126T0800_plans';
import * as indicators from './20261126T0900_indicators';
import * as reporting from './20261126T1000_reporting';
import * as loginThrottle from './20261130T2114_login_throttle';
import * as multiProcess from './20261130T2117_multi_process';
import * as agencyNameFolded from './20261130T2137_agency_name_folded';
import * as planKind from './20261130T2137_plan_kind';
import * as taskStatuses from './20261201T0410_task_statuses';
import * as listCounts from './20261201T0440_list_counts';
import * as searchAndCalendar from './20261201T0450_search_and_calendar';
import * as reviewQueues from './20261201T0500_review_queues';
import * as dataVersions from './20261201T0520_data_versions';
import * as indicatorVersion from './20261201T0521_indicator_version';
import * as taskStatusCounts from './20261201T0540_task_status_counts';
import * as reportsRateIdx from './20261201T0541_reports_rate_idx';
import * as reportsVersion from './20261201T0550_reports_version';
import * as searchIndex from './20261201T1000_search_index';
import * as taskSearchOrder from './20261201T1001_task_search_order';
import * as activityListIndexes from './20261201T1010_activity_list_indexes';
import * as consolidatedNarratives from './20261201T1020_consolidated_narratives';
import * as entryFiles from './20261201T1040_entry_files';
import * as planPublication from './20261201T1060_plan_publication';
import * as generationSubjectIdx from './20261202T0100_generation_subject_idx';
import * as planRevisions from './20261202T0250_plan_revisions';
import * as calendarCounts from './20261202T0300_calendar_counts';
import * as auditActorActionIdx from './20261202T0301_audit_actor_action_idx';
import * as adminUnits from './20261202T0500_admin_units';
import * as planAmendments from './20261203T0100_plan_amendments';
import * as planAsOf from './20261203T0200_plan_as_of';
import * as taskRequests from './20261203T0300_task_requests';
import * as entryReview from './20261203T0301_entry_review';
import * as handMadePlans from './20261203T0400_hand_made_plans';
import * as reorganisations from './20261203T0500_reorganisations';
import * as directiveDelivery from './20261203T0600_directive_delivery';
import * as planHeadVersion from './20261203T0700_plan_head_version';
import * as activityVersions from './20261203T0701_activity_versions';
import * as taskRequestFiles from './20261204T0200_task_request_files';
import * as calendarRefreshByIds from './20261204T0300_calendar_refresh_by_ids';

/** Every migration, by name. Names sort by date; a landed migration is never edited. */
export const migrations: Record<string, Migration> = {
  '20261126T0700_foundation': foundation,
  '20261126T0800_plans': plans,
  '20261126T0900_indicators': indicators,
  '20261126T1000_reporting': reporting,
  '20261130T2114_login_throttle': loginThrottle,
  '20261130T2117_multi_process': multiProcess,
  '20261130T2137_agency_name_folded': agencyNameFolded,
  '20261130T2137_plan_kind': planKind,
  '20261201T0410_task_statuses': taskStatuses,
  '20261201T0440_list_counts': listCounts,
  '20261201T0450_search_and_calendar': searchAndCalendar,
  '20261201T0500_review_queues': reviewQueues,
  '20261201T0520_data_versions': dataVersions,
  '20261201T0521_indicator_version': indicatorVersion,
  '20261201T0540_task_status_counts': taskStatusCounts,
  '20261201T0541_reports_rate_idx': reportsRateIdx,
  '20261201T0550_reports_version': reportsVersion,
  '20261201T1000_search_index': searchIndex,
  '20261201T1001_task_search_order': taskSearchOrder,
  '20261201T1010_activity_list_indexes': activityListIndexes,
  '20261201T1020_consolidated_narratives': consolidatedNarratives,
  '20261201T1040_entry_files': entryFiles,
  '20261201T1060_plan_publication': planPublication,
  '20261202T0100_generation_subject_idx': generationSubjectIdx,
  '20261202T0250_plan_revisions': planRevisions,
  '20261202T0300_calendar_counts': calendarCounts,
  '20261202T0301_audit_actor_action_idx': auditActorActionIdx,
  '20261202T0500_admin_units': adminUnits,
  '20261203T0100_plan_amendments': planAmendments,
  '20261203T0200_plan_as_of': planAsOf,
  '20261203T0300_task_requests': taskRequests,
  '20261203T0301_entry_review': entryReview,
  '20261203T0400_hand_made_plans': handMadePlans,
  '20261203T0500_reorganisations': reorganisations,
  '20261203T0600_directive_delivery': directiveDelivery,
  '20261203T0700_plan_head_version': planHeadVersion,
  '20261203T0701_activity_versions': activityVersions,
  '20261204T0200_task_request_files': taskRequestFiles,
  '20261204T0300_calendar_refresh_by_ids': calendarRefreshByIds,
};
