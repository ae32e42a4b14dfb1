import type { Generated } from 'kysely';
import type { AssignmentSource, DuplicateGroupState } from '../../../enums.ts';

/** Row types of the near-duplicate tables (migration 0014_duplicates). */

/** A group of near-identical comments on one draft of a consultation. */
export interface DuplicateGroupTable {
  id: Generated<number>;
  consultation_id: number;
  version_id: string;
  /** The comment shown for the group (the earliest submitted, unless a moderator chose another). */
  representative_comment_id: number;
  state: Generated<DuplicateGroupState>;
  /** The association's joint position the group's comments repeat, if any. */
  joint_comment_id: number | null;
  confirmed_by: number | null;
  /** A moderator chose the representative: a full regrouping keeps the group as it is. */
  representative_chosen_by: number | null;
  confirmed_at: string | null;
  created_at: Generated<string>;
}

/** A comment's place in a group (at most one group per comment). */
export interface DuplicateGroupMemberTable {
  comment_id: number;
  group_id: number;
  /** The comment's organisation (copied: a group's organisations are counted from this table's index). */
  organisation_id: number;
  /** Estimated Jaccard similarity to the representative, 0–1. */
  similarity: number;
  source: AssignmentSource;
  added_at: Generated<string>;
}

/** A submitted comment's MinHash signature (null: no words, never grouped). */
export interface DuplicateSignatureTable {
  comment_id: number;
  consultation_id: number;
  version_id: string;
  signature: Uint8Array | null;
  /** 1: a moderator split it off a group; the algorithm leaves it alone. */
  separated: Generated<number>;
}

/** An LSH bucket of a comment that takes new members (a representative, or a comment in no group). */
export interface DuplicateBucketTable {
  consultation_id: number;
  version_id: string;
  band: number;
  bucket: number;
  comment_id: number;
}

export interface DuplicateTables {
  duplicate_groups: DuplicateGroupTable;
  duplicate_group_members: DuplicateGroupMemberTable;
  duplicate_signatures: DuplicateSignatureTable;
  duplicate_buckets: DuplicateBucketTable;
}
