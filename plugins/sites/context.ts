// The request context flags of the sites plugin. Payload keeps a call's context on the request.

/**
 * The approval flow is writing: set by `approveArtist` on its artist and site writes; read by
 * `refuseApprovalByEdit`, which refuses `approved` to any other write.
 */
export const APPROVING_ARTIST = 'atelierApprovingArtist'
