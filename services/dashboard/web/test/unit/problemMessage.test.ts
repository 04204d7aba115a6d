/** A refusal in Chinese: the API's detail when it is Chinese, else its Chinese title with what the status means. */
import { problemMessage } from '../../src/api.js';

describe('the message of a refusal', () => {
  it('shows a Chinese detail, its Chinese half when bilingual', () => {
    // Act
    const message = problemMessage(422, { title: '不符合业务规则', detail: '回复期限须晚于今天 / the reply date must be in the future' });

    // Assess
    expect(message).toBe('回复期限须晚于今天');
  });

  it('falls back on the Chinese title when the detail is English, saying what the status means', () => {
    // Act
    const conflict = problemMessage(409, { title: '状态冲突', detail: 'The talk is held, not proposed' });
    const forbidden = problemMessage(403, { title: '无权进行此操作', detail: 'Only the party secretary of the host unit approves this joint talk' });

    // Assess
    expect(conflict).toMatch(/^状态冲突：/);
    expect(forbidden).toMatch(/^无权进行此操作：/);
    expect(conflict).not.toMatch(/[A-Za-z]/);
  });

  it('says what the status means when the answer carries nothing in Chinese', () => {
    // Act and assess
    expect(problemMessage(404, {})).toBe('未找到该事项，可能已被删除或不在您的管辖范围内。');
    expect(problemMessage(502, { title: 'Bad Gateway' })).toBe('服务暂时不可用，请稍后重试。');
  });
});
