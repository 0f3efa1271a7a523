package letters

import (
	"os"
	"testing"

	"klachtenregister/data"
)

func TestZZWriteSamples(t *testing.T) {
	dir := os.Getenv("LETTER_OUT")
	if dir == "" {
		t.Skip()
	}
	for _, kind := range data.LetterKinds {
		for _, lang := range data.Languages {
			in := sample(kind, lang)
			if kind == data.LetterAcknowledgement && lang == "nl" {
				in.Logo = testLogo(t)
			}
			os.WriteFile(dir+"/"+string(kind)+"_"+lang+".pdf", render(t, in), 0o644)
		}
	}
}
