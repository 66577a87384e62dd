import { describe, expect, it } from 'vitest';
import { latestPerDay, metricRoad, roadValue, type RoadMetric } from './metric-road.js';

const up: RoadMetric = { direction: 'up', baseline: 0, target: 10, targetDate: '2026-12-01', createdDay: '2026-11-01' };
const TODAY = '2026-11-18';

describe('the road from baseline to target', () => {
  it('runs straight from the baseline on the first day to the target on the target date', () => {
    const start = { day: '2026-11-01', value: 0 };
    const end = { day: '2026-12-01', value: 10 };
    expect(roadValue(start, end, '2026-11-16')).toBe(5);
    expect(roadValue(start, end, '2026-10-20')).toBe(0);
    expect(roadValue(start, end, '2027-01-01')).toBe(10);
  });

  it('says ahead, on track or behind within 5% of the distance', () => {
    const at = (value: number) => metricRoad(up, [{ day: '2026-11-16', value }], TODAY);
    expect(at(5.4)).toMatchObject({ status: 'on_track', expected: 5, start: { day: '2026-11-01', value: 0 }, end: { day: '2026-12-01', value: 10 } });
    expect(at(6)).toMatchObject({ status: 'ahead', gap: 1 });
    expect(at(3)).toMatchObject({ status: 'behind', gap: -2 });
    expect(at(10)).toMatchObject({ status: 'reached', forecast: { status: 'reached' } });
  });

  it('respects a metric that should go down', () => {
    const down: RoadMetric = { direction: 'down', baseline: 100, target: 80, targetDate: '2026-12-01', createdDay: '2026-11-01' };
    expect(metricRoad(down, [{ day: '2026-11-16', value: 95 }], TODAY)).toMatchObject({ status: 'behind', expected: 90, gap: -5 });
    expect(metricRoad(down, [{ day: '2026-11-16', value: 86 }], TODAY)).toMatchObject({ status: 'ahead', gap: 4 });
    expect(metricRoad(down, [{ day: '2026-11-16', value: 79 }], TODAY)).toMatchObject({ status: 'reached' });
  });

  it('starts at the first measurement without a baseline, and needs a target and date for a road', () => {
    const noBaseline = { ...up, baseline: null };
    expect(metricRoad(noBaseline, [{ day: '2026-11-06', value: 2 }, { day: '2026-11-16', value: 5.2 }], TODAY)).toMatchObject({ start: { day: '2026-11-06', value: 2 }, expected: expect.closeTo(5.2, 10), status: 'on_track' });
    expect(metricRoad({ ...up, targetDate: null }, [{ day: '2026-11-16', value: 4 }], TODAY)).toMatchObject({ status: 'no_target', end: null });
    expect(metricRoad(up, [], TODAY)).toMatchObject({ status: 'no_data', latest: null, forecast: { status: 'not_enough_data', days: 0 } });
  });

  it('keeps the last value of a day', () => {
    expect(latestPerDay([{ day: '2026-11-02', value: 1 }, { day: '2026-11-01', value: 5 }, { day: '2026-11-02', value: 3 }])).toEqual([{ day: '2026-11-01', value: 5 }, { day: '2026-11-02', value: 3 }]);
  });
});

describe('the forecast', () => {
  it('needs three days of measurements', () => {
    const two = [{ day: '2026-11-06', value: 2 }, { day: '2026-11-10', value: 3 }, { day: '2026-11-10', value: 4 }];
    expect(metricRoad(up, two, TODAY).forecast).toEqual({ status: 'not_enough_data', days: 2, needed: 3 });
  });

  it('finds the day an exact line meets the target', () => {
    // 0.4 a day from 2 on 6 Nov: 10 is reached 20 days after 6 Nov.
    const line = [{ day: '2026-11-06', value: 2 }, { day: '2026-11-11', value: 4 }, { day: '2026-11-16', value: 6 }];
    expect(metricRoad(up, line, TODAY).forecast).toEqual({
      status: 'forecast', day: '2026-11-26', earliest: '2026-11-26', latest: '2026-11-26', perWeek: expect.closeTo(2.8, 10) as number,
      perWeekLow: expect.closeTo(2.8, 10) as number, perWeekHigh: expect.closeTo(2.8, 10) as number, days: 3, onTime: true,
    });
  });

  it('widens into a range with noisy measurements, open-ended when the slope could be 0', () => {
    const noisy = [{ day: '2026-11-01', value: 1 }, { day: '2026-11-04', value: 3 }, { day: '2026-11-08', value: 2 }, { day: '2026-11-12', value: 5 }, { day: '2026-11-16', value: 5 }];
    const f = metricRoad({ ...up, targetDate: '2026-11-20' }, noisy, TODAY).forecast;
    if (f.status !== 'forecast') throw new Error(`expected a forecast, got ${f.status}`);
    expect(f.earliest < f.day).toBe(true);
    expect(f.latest === null || f.latest > f.day).toBe(true);
    expect(f.perWeekLow).toBeLessThan(f.perWeek);
    expect(f.onTime).toBe(false);
    const weak = [{ day: '2026-11-01', value: 1 }, { day: '2026-11-04', value: 4 }, { day: '2026-11-08', value: 0 }, { day: '2026-11-12', value: 3 }];
    const w = metricRoad(up, weak, TODAY).forecast;
    expect(w).toMatchObject({ status: 'forecast', latest: null });
  });

  it('calls a flat or backwards trend stalled', () => {
    const falling = [{ day: '2026-11-06', value: 6 }, { day: '2026-11-11', value: 5 }, { day: '2026-11-16', value: 4 }];
    expect(metricRoad(up, falling, TODAY).forecast).toMatchObject({ status: 'stalled', days: 3, perWeek: expect.closeTo(-1.4, 10) as number });
    const crawling = [{ day: '2026-11-06', value: 1 }, { day: '2026-11-11', value: 1.0001 }, { day: '2026-11-16', value: 1.0002 }];
    expect(metricRoad(up, crawling, TODAY).forecast).toMatchObject({ status: 'stalled' });
  });
});
