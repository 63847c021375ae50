import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { lexiconKey } from '../../src/lexicon/key.js';

describe('lexiconKey (private stand-in for text/match-key)', () => {
  it('lower-cases and folds old and new tone placement to one key', () => {
    expect(lexiconKey('Hòa Bình')).toBe(lexiconKey('Hoà Bình'));
    expect(lexiconKey('Ủy ban')).toBe(lexiconKey('Uỷ ban'));
    expect(lexiconKey('Huyện ủy')).toBe(lexiconKey('huyện uỷ'));
    expect(lexiconKey('KHỎE')).toBe(lexiconKey('khoẻ'));
    expect(lexiconKey('quí')).toBe(lexiconKey('Quý'));
    expect(lexiconKey('qui định')).toBe(lexiconKey('quy định'));
    // Not every two-vowel cluster moves its tone: mùa is not muà.
    expect(lexiconKey('mùa')).toBe('mùa');
    expect(lexiconKey('hoàng')).toBe('hoàng');
  });

  it('folds diacritics only when asked', () => {
    expect(lexiconKey('Đầm Hà', { foldDiacritics: true })).toBe('dam ha');
    expect(lexiconKey('Huyên ủy', { foldDiacritics: true })).toBe(lexiconKey('Huyện ủy', { foldDiacritics: true }));
    expect(lexiconKey('Đầm Hà')).not.toBe(lexiconKey('Dam Ha'));
  });

  it('keeps the length of any string, so offsets in the key are offsets in the text', () => {
    const vietnamese = fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ĐƯƠ-/.,İ'.split(''),
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: vietnamese }),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (s, foldDiacritics) => {
        expect(lexiconKey(s, { foldDiacritics }).length).toBe(s.length);
      }),
    );
  });
});
