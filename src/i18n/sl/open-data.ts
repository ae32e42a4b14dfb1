/** Open data as a publication (issue 14): /odprti-podatki and the API's messages. */

export const openData = {
  openDataPage: {},
} as const;
