import { describe, expect, it } from 'vitest';
import { CrnSurvey } from '../../shared/import/survey.js';

const contacts = (crn: string, n: number, date = '2023-01-02') => Array.from({ length: n }, () => ({ crn, date }));

describe('which case the export files are about', () => {
  it('puts the CRN that information and allocations name first, even with fewer contacts than another', () => {
    const survey = new CrnSurvey();
    survey.add('contacts', [...contacts('X900417', 40), ...contacts('X800001', 90), ...contacts('X800002', 12)]);
    survey.add('information', contacts('X900417', 3));
    survey.add('allocations', contacts('X900417', 2));
    const { crns } = survey.result();
    expect(crns.map((c) => c.crn)).toEqual(['X900417', 'X800001', 'X800002']);
    expect(crns[0]).toEqual({ crn: 'X900417', contacts: 40, information: 3, allocations: 2 });
  });

  it('with contacts alone, the CRN with the most contacts comes first', () => {
    const survey = new CrnSurvey();
    survey.add('contacts', [...contacts('A000001', 5), ...contacts('B000002', 7)]);
    expect(survey.result().crns.map((c) => c.crn)).toEqual(['B000002', 'A000001']);
  });

  it('workload and team files name no case, and the contacts give the span of dates', () => {
    const survey = new CrnSurvey();
    survey.add('workload', [{ crn: 'Z999999' }]);
    survey.add('contacts', [{ crn: 'A000001', date: '2022-05-16' }, { crn: 'A000001', date: '2023-11-30' }, { crn: 'B000002', date: '2023-01-01' }]);
    expect(survey.result()).toEqual({ crns: [{ crn: 'A000001', contacts: 2, information: 0, allocations: 0 }, { crn: 'B000002', contacts: 1, information: 0, allocations: 0 }], from: '2022-05-16', to: '2023-11-30' });
  });
});

describe('surveys merged file by file', () => {
  it('adds one file’s counts to another’s', () => {
    const whole = new CrnSurvey();
    const first = new CrnSurvey();
    first.add('contacts', contacts('A000001', 2, '2023-02-01'));
    const second = new CrnSurvey();
    second.add('contacts', contacts('A000001', 3, '2023-01-01'));
    second.add('information', contacts('A000001', 1));
    whole.merge(first);
    whole.merge(second);
    expect(whole.result()).toEqual({ crns: [{ crn: 'A000001', contacts: 5, information: 1, allocations: 0 }], from: '2023-01-01', to: '2023-02-01' });
  });
});
