/**
 * Links into the model page: to a parameter's meaning and source, a metric's definition, or
 * a section. The mode and the topic live in the URL query (`?mode=model&topic=param-payPerHour`)
 * because the workspace keeps its whole view in the hash; the model page scrolls to the topic
 * on load. Pure functions, no DOM.
 */

export type ModelTopicKind = 'param' | 'metric' | 'section';

/** The query key naming what the model page scrolls to. */
export const TOPIC_KEY = 'topic';

/** The anchor id of a parameter, metric or section on the model page ("param-payPerHour"). */
export function topicId(kind: ModelTopicKind, id: string): string {
  return `${kind}-${id}`;
}

/**
 * The link to a topic on the model page, relative to the app's page:
 * `?mode=model&topic=param-payPerHour`. Pass the current hash (`location.hash`) as `viewHash`
 * to keep the workspace's view (the scenario the page describes and checks) in the link.
 */
export function modelLink(kind: ModelTopicKind, id: string, viewHash = ''): string {
  const query = new URLSearchParams({ mode: 'model', [TOPIC_KEY]: topicId(kind, id) });
  const hash = viewHash === '' || viewHash.startsWith('#') ? viewHash : `#${viewHash}`;
  return `?${query.toString()}${hash}`;
}

/** The topic a URL's query asks for, if any ("param-payPerHour"). */
export function topicFromSearch(search: string): string | undefined {
  const topic = new URLSearchParams(search).get(TOPIC_KEY);
  return topic === null || topic === '' ? undefined : topic;
}

/**
 * The same URL (path, other query keys and hash kept) pointing at another topic, for moving
 * within the model page without reloading it.
 */
export function withTopic(href: string, topic: string): string {
  const url = new URL(href);
  url.searchParams.set('mode', 'model');
  url.searchParams.set(TOPIC_KEY, topic);
  return url.href;
}
