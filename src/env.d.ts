/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person, or null for a public reader. */
    user: (import('./lib/server/accounts/sessions').SessionUser & { id: number }) | null;
    /** The session token from the cookie (never stored), for "sign out everywhere else". */
    sessionToken: string | null;
    /**
     * Who sent the request, as the start script established it (the socket, or a trusted proxy's
     * X-Forwarded-For); absent under `astro dev`, where the socket's address is used.
     */
    client?: import('./lib/server/platform/net').ClientFacts;
    /** An attachments upload's body, streamed by the start script past the Request (issue 16; see src/cli/start.ts). */
    upload?: import('node:stream').Readable;
    /** The reader's language and its dictionary, resolved per request by the middleware. */
    locale: import('./i18n').Locale;
    t: import('./i18n').Dictionary;
    /** The windows of every consultation's versions, read once per request by whichever component asks first. */
    windows?: Promise<import('./lib/server/comments/consultation-window').WindowLookup>;
    /** For a signed-in member of a municipality: joint positions waiting for its answer (the navigation's badge). */
    jointAwaiting?: number;
  }
}
