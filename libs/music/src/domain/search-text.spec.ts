import { buildSearchText, foldText } from './search-text';

describe(foldText.name, () => {
  it('should fold composed and decomposed accents and case alike', () => {
    expect(foldText('NÃO')).toBe('nao');
    expect(foldText('Na\u0303o')).toBe('nao');
  });

  it('should fold compatibility forms and drop zero-width characters', () => {
    expect(foldText('ＡＢＣ\u200b  ﬁ')).toBe('abc fi');
  });

  it('should keep marks that change words outside Latin scripts', () => {
    expect(foldText('が')).toBe('が');
  });
});

describe(buildSearchText.name, () => {
  it('should join the parts into one folded string', () => {
    expect(buildSearchText(['Café', 'Zezé', 'Álbum', 'mpb'])).toBe(
      'cafe zeze album mpb',
    );
  });
});
