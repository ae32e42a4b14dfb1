/** Row types of the attachments' tables (migration 0018_attachments; issue 16, attachments helper). */
export interface AttachmentTables {}
