/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person, or null for a public reader. */
    user: (import('./lib/server/sessions').SessionUser & { id: number }) | null;
    /** The session token from the cookie (never stored), for "sign out everywhere else". */
    sessionToken: string | null;
  }
}
