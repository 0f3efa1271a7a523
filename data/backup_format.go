package data

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"os"
	"time"
)

// A backup file is a first line naming the format, a line of JSON (BackupHeader) and then the
// register's bytes: as they are, or encrypted (see backup_crypto.go). The header records the
// head of the audit chain, so every backup is also an anchor.
const backupMagic = "KLACHTENREGISTER RESERVEKOPIE 1\n"

// maxHeader bounds the header line, so a damaged file cannot make the reader take all memory.
const maxHeader = 4096

// BackupHeader describes a backup.
type BackupHeader struct {
	Register string `json:"register"` // file name of the register it was made of
	// Path is where that register was (absolute): a copy of the register elsewhere that
	// shares the backup folder makes backups with the same name (otherRegister).
	Path    string    `json:"path,omitempty"`
	Created time.Time `json:"created"`
	Events  int       `json:"events"`
	Head    string    `json:"head"`
	Size    int64     `json:"size"`             // bytes of the register
	SHA256  string    `json:"sha256,omitempty"` // of the register's bytes; encrypted backups rely on GCM instead
	// Encryption is nil for a backup that is not encrypted.
	Encryption *encryption `json:"encryption,omitempty"`
}

// plainCopy reports whether the "backup" is a plain copy of a register file (openBackup),
// which names no register, events or head.
func (h BackupHeader) plainCopy() bool { return h.Size < 0 }

// Encrypted reports whether a passphrase is needed to read the backup.
func (h BackupHeader) Encrypted() bool { return h.Encryption != nil }

// Errors of reading a backup, for errors.Is.
var (
	ErrNotBackup      = NewError(CodeInvalid, "", "dit bestand is geen reservekopie van Klachtenregister; kies een reservekopie die het programma heeft gemaakt, zoals klachtenregister-2026-12-01-170000.reservekopie in de map voor reservekopieën")
	ErrPassphrase     = NewError(CodeInvalid, "", "het wachtwoord van de reservekopie klopt niet; probeer het opnieuw")
	ErrNeedPassphrase = NewError(CodeInvalid, "", "deze reservekopie is versleuteld; geef het wachtwoord op")
)

func damagedBackup(detail string, args ...any) error {
	return NewError(CodeInvalid, "", "de reservekopie is beschadigd (%s); kies een andere reservekopie", Msg(detail, args...))
}

// writeBackup writes header and register bytes (size bytes from body) to w, encrypting when
// passphrase is not empty.
func writeBackup(w io.Writer, h BackupHeader, body io.Reader, passphrase string) error {
	var enc *encrypter
	if passphrase != "" {
		var err error
		if h.Encryption, enc, err = newEncryption(passphrase); err != nil {
			return err
		}
		h.SHA256 = ""
	}
	js, err := json.Marshal(h)
	if err != nil {
		return err
	}
	head := append([]byte(backupMagic), append(js, '\n')...)
	if _, err := w.Write(head); err != nil {
		return err
	}
	if enc == nil {
		_, err = io.Copy(w, body)
		return err
	}
	return enc.seal(w, body, head)
}

// BackupFileHeader reads the header of the backup file at path, so that a restore refuses a
// missing file or one that is no backup before it takes the register's claim or makes its
// folder (a refused restore left a .lock file and a mistyped folder). A plain copy of a
// register gives the header plainCopy; an encrypted backup its header, without the passphrase.
func BackupFileHeader(path string) (BackupHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return BackupHeader{}, Unreadable(path, err)
	}
	defer f.Close()
	h, _, err := openBackup(f, "")
	if errors.Is(err, ErrNeedPassphrase) {
		err = nil
	}
	return h, err
}

// ReadBackupHeader reads only the header of a backup.
func ReadBackupHeader(r io.Reader) (BackupHeader, error) {
	h, _, _, err := readHeader(bufio.NewReader(r))
	return h, err
}

func readHeader(br *bufio.Reader) (BackupHeader, []byte, *bufio.Reader, error) {
	var h BackupHeader
	magic := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != backupMagic {
		return h, nil, nil, ErrNotBackup
	}
	line, err := br.ReadSlice('\n')
	if err != nil || len(line) > maxHeader {
		return h, nil, nil, damagedBackup("de beschrijving aan het begin is onleesbaar")
	}
	if err := json.Unmarshal(line, &h); err != nil || h.Size < 0 || h.Events < 0 {
		return h, nil, nil, damagedBackup("de beschrijving aan het begin is onleesbaar")
	}
	if h.Encryption != nil {
		if err := h.Encryption.check(); err != nil {
			return h, nil, nil, err
		}
	} else if len(h.SHA256) != 64 {
		return h, nil, nil, damagedBackup("de controlecode ontbreekt")
	}
	head := append([]byte(backupMagic), line...)
	return h, head, br, nil
}

// openBackup reads a backup's header and returns a reader of the register's bytes, decrypted
// when needed. The reader fails at its end when the bytes differ from what the header promises.
// A plain SQLite file (a copied register) is accepted as it is.
func openBackup(r io.Reader, passphrase string) (BackupHeader, io.Reader, error) {
	br := bufio.NewReaderSize(r, maxHeader+len(backupMagic))
	if peek, _ := br.Peek(16); bytes.Equal(peek, []byte("SQLite format 3\x00")) {
		return BackupHeader{Size: -1}, br, nil // plainCopy
	}
	h, head, br, err := readHeader(br)
	if err != nil {
		return h, nil, err
	}
	if h.Encryption == nil {
		want, _ := hex.DecodeString(h.SHA256)
		return h, &checkedReader{r: io.LimitReader(br, h.Size+1), size: h.Size, want: want, h: sha256.New()}, nil
	}
	if passphrase == "" {
		return h, nil, ErrNeedPassphrase
	}
	dec, err := h.Encryption.opener(passphrase, head)
	if err != nil {
		return h, nil, err
	}
	return h, &checkedReader{r: &openReader{dec: dec, src: br}, size: h.Size, h: nil}, nil
}

// checkedReader passes the register's bytes on and checks their length and hash at the end.
type checkedReader struct {
	r    io.Reader
	size int64
	n    int64
	want []byte
	h    hash.Hash
}

func (c *checkedReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.h != nil {
		c.h.Write(p[:n])
	}
	if c.n > c.size {
		return n, damagedBackup("het bestand is langer dan de beschrijving zegt")
	}
	if errors.Is(err, io.EOF) {
		switch {
		case c.n != c.size:
			return n, damagedBackup("het bestand is afgebroken: %d van %d bytes", c.n, c.size)
		case c.h != nil && !bytes.Equal(c.h.Sum(nil), c.want):
			return n, damagedBackup("de inhoud wijkt af van de controlecode")
		}
	}
	return n, err
}
