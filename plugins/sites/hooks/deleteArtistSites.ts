import type { CollectionBeforeDeleteHook } from 'payload'

/** An artist's site goes with the artist, in the same transaction. */
export const deleteArtistSites: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'sites', overrideAccess: true, req, where: { artist: { equals: id } } })
}
