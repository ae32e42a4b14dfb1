import type { AnchorStatus, CommentKind, ConsultationStatus, CommentScope, CommentState, Decision, JointStatus, ModerationStatus, OrganisationKind, ReceivedVia, ReportFormat, ReportSection, ReportVersionKind, ReportVersionState, Role, StanceState, UserStatus } from '../../enums.ts';

export type { CommentKind, ConsultationStatus, CommentScope, CommentState, Decision, JointStatus, ModerationStatus, OrganisationKind, Role, StanceState, UserStatus };
import type { Generated } from 'kysely';
import type { DuplicateTables } from '../moderation/duplicates/table.ts';
import type { ThemeTables } from '../moderation/themes/table.ts';
import type { SearchTables } from '../search/table.ts';
import type { AttachmentTables } from '../attachments/table.ts';
import type { NotificationTables } from '../notifications/table.ts';
import type { ParticipationTables } from '../participation/table.ts';

/** Row types of every table, as Kysely sees them. Keep in step with db/migrations. */


export interface OrganisationTable {
  id: Generated<number>;
  kind: OrganisationKind;
  /** Register code for municipalities (e.g. "61"), an acronym otherwise (e.g. "ZMOS"). */
  code: string;
  name: string;
  /** The place name for municipalities ("Ljubljana"), the acronym otherwise; used in lists. */
  short_name: string;
  slug: string;
  registry_id: string | null;
  is_urban: number;
  created_at: Generated<string>;
}

export interface AssociationMembershipTable {
  association_id: number;
  member_id: number;
}


export interface UserTable {
  id: Generated<number>;
  /** Always lower-case. */
  email: string;
  name: string;
  organisation_id: number;
  role: Role;
  status: Generated<UserStatus>;
  password_hash: string;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  /** The role of whoever disabled the account; an organisation admin cannot undo an administrator's. */
  disabled_by_role: Role | null;
}

export interface SessionTable {
  /** SHA-256 (hex) of the session token. */
  id: string;
  user_id: number;
  /** Unix time, seconds. */
  expires_at: number;
  created_at: Generated<string>;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  organisation_id: number;
  role: Role;
  invited_by: number | null;
  created_at: Generated<string>;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: Generated<string>;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: number;
  /** A sign-in, or the current-password check of a password change. */
  kind: Generated<'login' | 'password_check'>;
  created_at: Generated<string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  created_at: Generated<string>;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Generated<string>;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** A deliverer is sending it until then (another leaves it alone). */
  claimed_until: string | null;
}


export interface ConsultationTable {
  id: Generated<number>;
  /** In every address of the consultation (/posvetovanja/<slug>/…); never changes. */
  slug: string;
  title: string;
  /** For switchers and lists, e.g. "DS 2030". */
  short_title: string;
  /** An organisation of kind government. */
  owner_organisation_id: number;
  /** Številka zadeve. */
  case_number: string;
  description: string;
  /** Who was invited to comment, in a sentence. */
  invited: string | null;
  status: Generated<ConsultationStatus>;
  archived_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ConsultationModeratorTable {
  consultation_id: number;
  user_id: number;
  created_at: Generated<string>;
}

export interface CommentTable {
  id: Generated<number>;
  /** Nullable in SQLite's schema only (a column added later); every comment has one. */
  consultation_id: number;
  organisation_id: number;
  author_user_id: number | null;
  scope: CommentScope;
  version_id: string;
  chapter_slug: string | null;
  chapter_number: number | null;
  block_key: string | null;
  block_number: string | null;
  block_fingerprint: string | null;
  quote: string | null;
  kind: CommentKind;
  body: string;
  proposed_text: string | null;
  rationale: string | null;
  state: Generated<CommentState>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  submitted_at: string | null;
  withdrawn_at: string | null;
  /** What the organisation gave as its reason for withdrawing, if anything. */
  withdrawal_reason: string | null;
  /** A joint position: until when the named municipalities answer (never after the window closes). */
  joint_deadline: string | null;
  late: Generated<number>;
  moderation_status: Generated<ModerationStatus>;
  response: string | null;
  hidden: Generated<number>;
  hidden_reason: string | null;
  idempotency_key: string | null;
  assignee_user_id: number | null;
  received_via: Generated<ReceivedVia>;
  recorded_by_user_id: number | null;
  decided_at: string | null;
  decided_by_user_id: number | null;
  /** When its public data last changed (kept by triggers, migration 0013); null until submitted. */
  public_changed_at: string | null;
}

/**
 * The working stance on a comment (one per comment). comments.moderation_status/response hold what
 * is public: the stance as last published.
 */
export interface StanceTable {
  comment_id: number;
  status: Decision;
  /** Obrazložitev. */
  response: string | null;
  state: StanceState;
  /** Grows with every change; a form that saw an older revision is refused. */
  revision: Generated<number>;
  drafted_by: number | null;
  drafted_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  /** Why a reviewer sent it back. */
  review_note: string | null;
  published_by: number | null;
  published_at: string | null;
}

export interface AnswerTemplateTable {
  id: Generated<number>;
  consultation_id: number;
  /** Null: for every chapter of the consultation. */
  chapter_slug: string | null;
  name: string;
  body: string;
  created_by: number | null;
  created_at: Generated<string>;
  updated_by: number | null;
  updated_at: Generated<string>;
}

export interface CommentTagTable {
  comment_id: number;
  tag: string;
}

export interface CommentNoteTable {
  id: Generated<number>;
  comment_id: number;
  author_user_id: number;
  body: string;
  created_at: Generated<string>;
}

export interface CommentSupportTable {
  comment_id: number;
  organisation_id: number;
  user_id: number | null;
  created_at: Generated<string>;
}

export interface JointPositionMemberTable {
  comment_id: number;
  organisation_id: number;
  status: Generated<JointStatus>;
  responded_at: string | null;
  responded_by: number | null;
}

export interface CommentAnchorTable {
  comment_id: number;
  version_id: string;
  status: 'unchanged' | 'changed' | 'removed';
  chapter_slug: string | null;
  block_key: string | null;
  block_number: string | null;
  similarity: number;
  computed_at: Generated<string>;
}

export interface TwoFactorTable {
  user_id: number;
  /** 'enc:v1:…' (AES-256-GCM under TWO_FACTOR_KEY) or 'plain:…' (base32). */
  secret: string;
  /** Null while being set up. */
  enabled_at: string | null;
  last_used_step: number | null;
  created_at: Generated<string>;
}

export interface TwoFactorRecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
  created_at: Generated<string>;
}

export interface TwoFactorPendingLoginTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  return_to: string;
  failures: Generated<number>;
  created_at: Generated<string>;
  expires_at: string;
  used_at: string | null;
}

export interface TwoFactorAttemptTable {
  id: Generated<number>;
  user_id: number;
  succeeded: number;
  created_at: Generated<string>;
}

/** A snapshot of a consultation's report: a published version or the moderators' preview (migration 0012). */
export interface ReportVersionTable {
  id: Generated<number>;
  consultation_id: number;
  kind: ReportVersionKind;
  state: ReportVersionState;
  number: number | null;
  document_number: string | null;
  place: string | null;
  document_date: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  draft_version_id: string;
  draft_version_label: string;
  summary_json: string | null;
  row_count: Generated<number>;
  created_by: number | null;
  created_at: Generated<string>;
  ready_at: string | null;
  error: string | null;
}

/** One public comment as a report snapshot froze it. */
export interface ReportRowTable {
  report_version_id: number;
  sort_key: string;
  comment_id: number;
  section: ReportSection;
  chapter_slug: string | null;
  chapter_number: number | null;
  chapter_title: string | null;
  block_number: string | null;
  anchor_status: AnchorStatus | null;
  written_version_label: string;
  written_block_number: string | null;
  scope: CommentScope;
  organisation_name: string;
  organisation_short_name: string;
  organisation_kind: OrganisationKind;
  organisation_code: string;
  kind: CommentKind;
  quote: string | null;
  body: string;
  proposed_text: string | null;
  rationale: string | null;
  joint_line: string | null;
  supporters: string | null;
  status: ModerationStatus;
  response: string | null;
  submitted_at: string;
  late: number;
  received_via: ReceivedVia;
  /** The comment's attachments' names when the snapshot was taken, "; "-separated (migration 0018). */
  attachments: string | null;
}

export interface ReportFileTable {
  report_version_id: number;
  format: ReportFormat;
  path: string;
  bytes: number;
  sha256: string;
  created_at: Generated<string>;
}

/** Issue 17: the page caches' shared generation (one row, id 1) and the leases of one-process background jobs (migration 0022). */
export interface CacheGenerationTable {
  id: number;
  generation: number;
}
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Feature folders keep their own tables' types (moderation/duplicates, moderation/themes, search). */
export interface Database extends DuplicateTables, ThemeTables, SearchTables, AttachmentTables, NotificationTables, ParticipationTables {
  report_versions: ReportVersionTable;
  report_rows: ReportRowTable;
  report_files: ReportFileTable;
  consultations: ConsultationTable;
  consultation_moderators: ConsultationModeratorTable;
  comment_anchors: CommentAnchorTable;
  comments: CommentTable;
  comment_supports: CommentSupportTable;
  comment_tags: CommentTagTable;
  stances: StanceTable;
  answer_templates: AnswerTemplateTable;
  comment_notes: CommentNoteTable;
  joint_position_members: JointPositionMemberTable;
  organisations: OrganisationTable;
  association_memberships: AssociationMembershipTable;
  users: UserTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  two_factor: TwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodeTable;
  two_factor_pending_logins: TwoFactorPendingLoginTable;
  two_factor_attempts: TwoFactorAttemptTable;
  cache_generation: CacheGenerationTable;
  job_leases: JobLeaseTable;
}
