/** Claims of an access token. `uuid` and `username` are read by the mobile app. */
export interface AccessTokenClaims {
  exp: number;
  jti: string;
  /** The session (token family) the token belongs to. */
  sid: string;
  sub: string;
  typ: 'access';
  username: string;
  uuid: string;
}

/** Claims of a refresh token; `sid` ties together every rotation of one login. */
export interface RefreshTokenClaims {
  exp: number;
  jti: string;
  sid: string;
  sub: string;
  typ: 'refresh';
  uuid: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}
