/**
 * What a user reads when a background job is stopped or dies, per job, and how long each job may
 * take by default. Kept apart from the runner so the wording can change without touching it.
 */
import type { JobName } from './jobs';
import type { JobDomain } from '../common/errorCodes';

export interface JobWording {
  /** error code prefix, as the job's domain uses it (import/…, review/…) */
  domain: JobDomain;
  timeout: (seconds: string) => string;
  crashed: string;
  cancelled: string;
}

export const JOB_WORDING: Record<JobName, JobWording> = {
  parseReport: {
    domain: 'import',
    timeout: (s) => `导入超时：文件可能已损坏或结构异常，已停止处理（超过 ${s} 秒）。`,
    crashed: '导入失败：读取文件时后台处理意外中止，文件可能已损坏或结构异常。',
    cancelled: '已取消导入。',
  },
  reviewCheck: {
    domain: 'review',
    timeout: (s) => `审校超时：报告内容可能过长或结构异常，已停止检查（超过 ${s} 秒）。`,
    crashed: '审校失败：后台检查意外中止，请稍后重试。',
    cancelled: '已取消审校。',
  },
  compareVersions: {
    domain: 'versions',
    timeout: (s) => `版本对照超时：两个版本差异过大或结构异常，已停止比较（超过 ${s} 秒）。`,
    crashed: '版本对照失败：后台比较意外中止，请稍后重试。',
    cancelled: '已取消版本对照。',
  },
  reanchor: {
    domain: 'anchor',
    timeout: (s) => `带过批注超时：批注过多或版本差异过大，已停止重新定位（超过 ${s} 秒），批注没有改动。`,
    crashed: '带过批注失败：后台重新定位意外中止，批注没有改动。',
    cancelled: '已取消带过批注，批注没有改动。',
  },
  readBundle: {
    domain: 'bundle',
    timeout: (s) => `读取交换包超时：文件可能已损坏或结构异常，已停止处理（超过 ${s} 秒），没有导入任何内容。`,
    crashed: '读取交换包失败：后台处理意外中止，文件可能已损坏，没有导入任何内容。',
    cancelled: '已取消导入交换包。',
  },
};

/** Default time limits. A real report parses in well under a second; these only stop runaways. */
export const DEFAULT_TIMEOUT_MS: Record<JobName, number> = {
  parseReport: 60_000,
  reviewCheck: 30_000,
  compareVersions: 60_000,
  reanchor: 120_000,
  readBundle: 60_000,
};

/** 60000 → "60", 1500 → "1.5", 50 → "0.05", 1 → "0.01": the limit as the message states it. */
export function secondsText(ms: number): string {
  const s = ms / 1000;
  return String(s >= 1 ? Math.round(s * 10) / 10 : Math.max(0.01, Math.round(s * 100) / 100));
}
