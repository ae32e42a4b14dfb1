import type { Generated } from 'kysely';

/** A PDF attached to a comment (migration 0018_attachments). */
export interface AttachmentTable {
  id: Generated<number>;
  comment_id: number;
  /** The sanitised name people see and save under (never the name on disk). */
  name: string;
  /** Bytes, counted while the file streamed in. */
  size: number;
  /** SHA-256 of the bytes, hex, computed while the file streamed in. */
  sha256: string;
  /** Where the file is under DATA_DIR/attachments: random, never derived from the name. */
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}

/** Row types of the attachments' tables (migration 0018_attachments; issue 16, attachments helper). */
export interface AttachmentTables {
  attachments: AttachmentTable;
}
