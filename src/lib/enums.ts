/**
 * Every enumeration of the portal's model, once. Types, zod enums, the CLI's lists and the
 * database's checks derive from these arrays; the dictionary names each value.
 */

export const ORGANISATION_KINDS = ['municipality', 'association', 'government', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['member', 'org_admin', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Where a comment is anchored: a paragraph, a chapter as a whole, or the draft as a whole. */
export const COMMENT_SCOPES = ['block', 'chapter', 'draft'] as const;
export type CommentScope = (typeof COMMENT_SCOPES)[number];

export const COMMENT_KINDS = ['comment', 'amendment', 'question'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const COMMENT_STATES = ['draft', 'submitted', 'withdrawn'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];

/** A moderator's decision on a comment. */
export const DECISIONS = ['accepted', 'partially_accepted', 'rejected', 'noted'] as const;
export type Decision = (typeof DECISIONS)[number];

export const MODERATION_STATUSES = ['new', 'in_review', ...DECISIONS] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/**
 * Where a comment's stance stands: drafted by a moderator, sent back by a reviewer, approved by a
 * different moderator or an administrator, published by an administrator (only then public).
 */
export const STANCE_STATES = ['drafted', 'returned', 'approved', 'published'] as const;
export type StanceState = (typeof STANCE_STATES)[number];

export const HIDE_REASONS = ['spam', 'offensive', 'personal_data', 'duplicate'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

/** A named municipality's answer to a joint position. */
export const JOINT_STATUSES = ['pending', 'confirmed', 'declined'] as const;
export type JointStatus = (typeof JOINT_STATUSES)[number];

/** How a comment reached the ministry: through the portal, or recorded by a moderator from a letter. */
export const RECEIVED_VIA = ['portal', 'email', 'post'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];

/** What became of a comment's paragraph in a later version of the text. */
export const ANCHOR_STATUSES = ['unchanged', 'changed', 'removed'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/**
 * Where a consultation stands: being prepared (not yet open to comments), open, closed (no more
 * comments; moderation and the report go on), and with its report published.
 */
export const CONSULTATION_STATUSES = ['preparation', 'open', 'closed', 'report_published'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The slug of the first consultation: the addresses of the first version (/osnutek/…) lead to it. */
export const FIRST_CONSULTATION = 'ds2030';

/** A report snapshot: a published, numbered version, or the moderators' preview of the live data. */
export const REPORT_VERSION_KINDS = ['published', 'preview'] as const;
export type ReportVersionKind = (typeof REPORT_VERSION_KINDS)[number];

/** A snapshot being written, complete, or abandoned (its error kept). */
export const REPORT_VERSION_STATES = ['preparing', 'ready', 'failed'] as const;
export type ReportVersionState = (typeof REPORT_VERSION_STATES)[number];

/**
 * The sections of the report's body, in order: the chapters of the current draft, the draft as a
 * whole (with comments on text no longer in it), comments received after the window closed.
 */
export const REPORT_SECTIONS = ['chapter', 'draft', 'late'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The downloads of a published report version, each written once. */
export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// Moderation at national scale (issue 15): near-duplicate groups, suggested themes, full-text search.

/** Who made an assignment (a comment to a duplicate group or a theme): the algorithm, or a moderator. */
export const ASSIGNMENT_SOURCES = ['algorithm', 'moderator'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/** A group of near-identical comments: as the algorithm found it, or confirmed by a moderator. */
export const DUPLICATE_GROUP_STATES = ['suggested', 'confirmed'] as const;
export type DuplicateGroupState = (typeof DUPLICATE_GROUP_STATES)[number];

/** A theme: suggested by the clustering, accepted by a moderator (perhaps renamed), or discarded. */
export const THEME_STATES = ['suggested', 'accepted', 'discarded'] as const;
export type ThemeState = (typeof THEME_STATES)[number];

/** What a person may subscribe to by e-mail for a consultation (issue 16): a new draft version, the published report. */
export const SUBSCRIPTION_TOPICS = ['version', 'report'] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];
