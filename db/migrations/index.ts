import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_organisations.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_comments.ts';
import * as m0004 from './0004_moderation.ts';
import * as m0005 from './0005_versions.ts';
import * as m0006 from './0006_queue_indexes.ts';
import * as m0007 from './0007_accounts_hardening.ts';
import * as m0008 from './0008_two_factor.ts';
import * as m0009 from './0009_ministry.ts';
import * as m0010 from './0010_consultations.ts';
import * as m0011 from './0011_record.ts';
import * as m0012 from './0012_report_versions.ts';
import * as m0013 from './0013_open_data_changes.ts';
import * as m0014 from './0014_duplicates.ts';
import * as m0015 from './0015_themes.ts';
import * as m0016 from './0016_search.ts';
import * as m0017 from './0017_duplicate_member_organisation.ts';
import * as m0018 from './0018_attachments.ts';
import * as m0019 from './0019_notifications.ts';
import * as m0020 from './0020_public_lists.ts';
import * as m0021 from './0021_participation.ts';
import * as m0022 from './0022_cache_generation.ts';

// Listed statically (not read from the folder at run time) so that the bundled server and the
// command-line tool run exactly the same migrations. Append new ones; never edit a landed one.
export const migrations: Record<string, Migration> = {
  '0001_organisations': m0001,
  '0002_accounts': m0002,
  '0003_comments': m0003,
  '0004_moderation': m0004,
  '0005_versions': m0005,
  '0006_queue_indexes': m0006,
  '0007_accounts_hardening': m0007,
  '0008_two_factor': m0008,
  '0009_ministry': m0009,
  '0010_consultations': m0010,
  '0011_record': m0011,
  '0012_report_versions': m0012,
  '0013_open_data_changes': m0013,
  '0014_duplicates': m0014,
  '0015_themes': m0015,
  '0016_search': m0016,
  '0017_duplicate_member_organisation': m0017,
  '0018_attachments': m0018,
  '0019_notifications': m0019,
  '0020_public_lists': m0020,
  '0021_participation': m0021,
  '0022_cache_generation': m0022,
};
