import { describe, expect, it } from 'vitest';
import { modelLink, topicFromSearch, topicId, withTopic } from '../../../src/ui/shared/model-link';

describe('links into the model page', () => {
  it('put the mode and the topic in the query, and keep a view hash when given one', () => {
    expect(modelLink('param', 'payPerHour')).toBe('?mode=model&topic=param-payPerHour');
    expect(modelLink('metric', 'fillRate', '#weeks=8&payPerHour=24')).toBe(
      '?mode=model&topic=metric-fillRate#weeks=8&payPerHour=24',
    );
    expect(modelLink('section', 'purpose', 'weeks=8')).toBe(
      '?mode=model&topic=section-purpose#weeks=8',
    );
  });

  it('name anchors by kind and id, as the page renders them', () => {
    expect(topicId('param', 'blockHours')).toBe('param-blockHours');
    expect(topicId('metric', 'onTimeRate')).toBe('metric-onTimeRate');
  });

  it('read the topic back from a query, and nothing from a query without one', () => {
    expect(topicFromSearch(modelLink('param', 'payPerHour'))).toBe('param-payPerHour');
    expect(topicFromSearch('?mode=model')).toBeUndefined();
    expect(topicFromSearch('?mode=model&topic=')).toBeUndefined();
    expect(topicFromSearch('')).toBeUndefined();
  });

  it('move to another topic keeping the path, other keys and the hash', () => {
    expect(withTopic('http://h/app/?mode=model&topic=param-a&x=1#weeks=8', 'metric-fillRate')).toBe(
      'http://h/app/?mode=model&topic=metric-fillRate&x=1#weeks=8',
    );
    expect(withTopic('http://h/#weeks=8', 'section-limits')).toBe(
      'http://h/?mode=model&topic=section-limits#weeks=8',
    );
  });
});
