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
  confirmed_at: string | null;
  created_at: Generated<string>;
}

/** A comment's place in a group (at most one group per comment). */
export interface DuplicateGroupMemberTable {
  comment_id: number;
  group_id: number;
  /** Estimated Jaccard similarity to the representative, 0–1. */
  similarity: number;
  source: AssignmentSource;
  added_at: Generated<string>;
}

export interface DuplicateTables {
  duplicate_groups: DuplicateGroupTable;
  duplicate_group_members: DuplicateGroupMemberTable;
}
