import { Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { BOUNDS } from '../domain/bounds';
import { BadUserInputError } from '../domain/errors';

@ArgsType()
export class EdgeListArgs {
  @Field(() => Int, {
    description: `How many neighbours at most, 1..${BOUNDS.edgeList.max}, in neighbour-id order.`,
  })
  @Min(1)
  @Max(BOUNDS.edgeList.max)
  first: number = BOUNDS.edgeList.default;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: `Page size, 1..${BOUNDS.page.max}.` })
  @Min(1)
  @Max(BOUNDS.page.max)
  first: number = BOUNDS.page.default;

  @Field(() => String, {
    nullable: true,
    description: 'Start after this cursor (a `pageInfo.endCursor` from an earlier page).',
  })
  @MaxLength(200)
  after?: string | null;
}

/** Cursors are opaque to clients: base64url of the last slug of a page. */
export function encodeCursor(slug: string): string {
  return Buffer.from(`slug:${slug}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('slug:')) {
    throw new BadUserInputError('after', 'The cursor is not one this service issued.');
  }
  return decoded.slice('slug:'.length);
}
