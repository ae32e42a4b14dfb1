import type { Generated } from 'kysely';

/** Row types of subscriptions, reminders and invitation imports (migration 0019_notifications; issue 16, onboarding helper). */

/** An uploaded CSV of invitations between its preview and its sending (expires after a day). */
export interface InvitationImportTable {
  id: Generated<number>;
  created_by: number;
  file_name: string;
  /** 'utf-8' or 'windows-1250': how the file was read. */
  encoding: string;
  separator: string;
  created_at: string;
  expires_at: string;
  sent_at: string | null;
  sent_count: number | null;
}

/** One data row of an import as read, with what the preview found (problem null: it will be invited). */
export interface InvitationImportRowTable {
  import_id: number;
  /** The line in the file (the header is line 1). */
  line: number;
  organisation_code: string;
  email: string;
  name: string;
  role: string;
  organisation_id: number | null;
  problem: string | null;
  /** For problem 'pending': the open invitation's role and date. */
  pending_role: string | null;
  pending_since: string | null;
}

export interface ReminderSentTable {
  organisation_id: number;
  consultation_id: number;
  sent_at: string;
  recipients: number;
}

export interface ReminderOptOutTable {
  organisation_id: number;
  by_user_id: number | null;
  created_at: string;
}

export interface SubscriptionTable {
  id: Generated<number>;
  email: string;
  consultation_id: number;
  /** Confirmed topics, comma-separated (SUBSCRIPTION_TOPICS); '' until the first confirmation. */
  topics: Generated<string>;
  /** Topics asked for and waiting for confirmation. */
  pending_topics: string | null;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  created_at: string;
}

export interface UnsubscribeTokenTable {
  token_hash: string;
  subscription_id: number;
  created_at: string;
}

export interface SubscriptionRequestTable {
  id: Generated<number>;
  email: string;
  ip: string;
  created_at: string;
}

/** A mail to subscribers, sent in batches: `last_subscription_id` is how far it got. */
export interface AnnouncementTable {
  id: Generated<number>;
  consultation_id: number;
  topic: string;
  /** The version's id or the report's number: what makes it once. */
  subject_key: string;
  label: string;
  created_at: string;
  last_subscription_id: Generated<number>;
  done_at: string | null;
}

export interface AnnouncedVersionTable {
  consultation_id: number;
  version_id: string;
  announced_at: string;
}

export interface NotificationTables {
  invitation_imports: InvitationImportTable;
  invitation_import_rows: InvitationImportRowTable;
  reminders_sent: ReminderSentTable;
  reminder_opt_outs: ReminderOptOutTable;
  subscriptions: SubscriptionTable;
  unsubscribe_tokens: UnsubscribeTokenTable;
  subscription_requests: SubscriptionRequestTable;
  announcements: AnnouncementTable;
  announced_versions: AnnouncedVersionTable;
}
