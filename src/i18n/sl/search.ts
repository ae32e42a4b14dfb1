/** Full-text search: the queue filter and the public search (issue 15, search helper). */
export const search = {
  search: {
    nav: 'Iskanje',
  },
} as const;
