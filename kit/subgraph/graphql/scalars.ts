import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';

/** A calendar date, "YYYY-MM-DD": dates of birth, assessments, PEPs, episodes. */
export const LocalDateScalar = GraphQLLocalDate;
/** An instant, ISO 8601 with time zone: when a missing child was reported or found. */
export const DateTimeScalar = GraphQLDateTimeISO;
