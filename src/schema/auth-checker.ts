import type { AuthCheckerFn } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import type { Context } from './context';

/** For `@Authorized()` fields: reads are open, writes need an editor's bearer token. */
export const requireEditor: AuthCheckerFn<Context> = ({ context }) => {
  switch (context.editor.reason) {
    case null:
      return true;
    case 'disabled':
      throw new ForbiddenError(
        'Mutations are turned off on this server. Set EDITOR_TOKENS (comma-separated tokens of 16+ characters) ' +
          'and send one as "Authorization: Bearer <token>".',
      );
    case 'missing':
      throw new UnauthenticatedError('This mutation needs an editor token: send "Authorization: Bearer <token>".');
    case 'invalid':
      throw new UnauthenticatedError('The bearer token is not an editor token.');
  }
};
