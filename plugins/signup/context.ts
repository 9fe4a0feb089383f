// The request context flags of the signup plugin. Payload keeps a call's context on the request.

/**
 * The account being created signed itself up and must prove its address: set by the signup service on its
 * user create; read by `verifySelfSignupsOnly`, which otherwise marks new accounts verified.
 */
export const SELF_SIGNUP = 'atelierSelfSignup'
