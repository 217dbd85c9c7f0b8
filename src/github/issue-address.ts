/**
 * Where an issue is, in the shape GitHub's REST API takes it (and Probot's `context.issue()`
 * gives it): spread into a request's parameters. Not the analytics' `IssueRef`, which is what a
 * report links to (its `owner/name`, number, title and URL).
 */
export interface IssueAddress {
  owner: string;
  repo: string;
  issue_number: number;
}
