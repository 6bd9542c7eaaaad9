/** Version of the analysis engine, recorded in studies and exports. Bump on output changes. */
export const ENGINE_VERSION = '0.1.0'
export const APP_NAME = 'Parallax'
