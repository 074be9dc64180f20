/**
 * Imported first by the entry points that serve: unless the environment says otherwise, Node runs
 * in production mode. graphql-js reads NODE_ENV once, when it loads, and outside production it
 * checks every type test for a second copy of itself (a tenth of a large answer's CPU).
 */
process.env.NODE_ENV ??= 'production';
