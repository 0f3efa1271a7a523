package data

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"io"

	"golang.org/x/crypto/argon2"
)

// An encrypted backup holds the register in chunks sealed with AES-256-GCM under a key derived
// from the passphrase with argon2id. Each chunk's nonce holds its number and whether it is the
// last, and every chunk authenticates the header, so chunks cannot be reordered, dropped,
// cut off or moved to another backup unnoticed. The passphrase itself is never stored.

// encryption is the part of the header a reader needs to derive the key and open the chunks.
type encryption struct {
	Cipher  string `json:"cipher"` // "AES-256-GCM"
	KDF     string `json:"kdf"`    // "argon2id"
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
	Salt    []byte `json:"salt"`
	Nonce   []byte `json:"nonce"` // the 7-byte start of every chunk's nonce
	Chunk   int    `json:"chunk"` // plaintext bytes per chunk
	// Check is an empty chunk sealed with the key: it tells a wrong passphrase from damage.
	Check []byte `json:"check"`
}

// kdfParams are argon2id's costs for new backups (RFC 9106's second recommendation);
// tests lower them to stay fast.
var kdfParams = struct {
	time, memory uint32
	threads      uint8
}{3, 64 * 1024, 4}

const (
	chunkSize  = 64 * 1024
	checkChunk = 0xFFFFFFFF // chunk number of the check value; a register never has that many chunks
)

// check bounds what a header may ask for, so a damaged or hostile file cannot make the
// reader spend unbounded memory or time.
func (e *encryption) check() error {
	switch {
	case e.Cipher != "AES-256-GCM" || e.KDF != "argon2id":
		return damagedBackup("onbekende versleuteling")
	case e.Time < 1 || e.Time > 20 || e.Memory < 8 || e.Memory > 1<<20 || e.Threads < 1 || e.Threads > 64:
		return damagedBackup("onbekende sleutelinstellingen")
	case len(e.Salt) != 16 || len(e.Nonce) != 7 || e.Chunk < 1024 || e.Chunk > 1<<20 || len(e.Check) != 16:
		return damagedBackup("onvolledige versleutelingsgegevens")
	}
	return nil
}

func (e *encryption) aead(passphrase string) (cipher.AEAD, error) {
	key := argon2.IDKey([]byte(passphrase), e.Salt, e.Time, e.Memory, e.Threads, 32)
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func (e *encryption) nonce(chunk uint32, last bool) []byte {
	n := make([]byte, 12)
	copy(n, e.Nonce)
	binary.BigEndian.PutUint32(n[7:11], chunk)
	if last {
		n[11] = 1
	}
	return n
}

// newEncryption picks a fresh salt and nonce and derives the key.
func newEncryption(passphrase string) (*encryption, *encrypter, error) {
	e := &encryption{Cipher: "AES-256-GCM", KDF: "argon2id", Time: kdfParams.time, Memory: kdfParams.memory,
		Threads: kdfParams.threads, Salt: make([]byte, 16), Nonce: make([]byte, 7), Chunk: chunkSize}
	if _, err := rand.Read(e.Salt); err != nil {
		return nil, nil, err
	}
	if _, err := rand.Read(e.Nonce); err != nil {
		return nil, nil, err
	}
	aead, err := e.aead(passphrase)
	if err != nil {
		return nil, nil, err
	}
	e.Check = aead.Seal(nil, e.nonce(checkChunk, true), nil, nil)
	return e, &encrypter{e: e, aead: aead}, nil
}

type encrypter struct {
	e    *encryption
	aead cipher.AEAD
}

// seal writes body in sealed chunks; the last chunk (possibly empty) is marked as the last.
func (c *encrypter) seal(w io.Writer, body io.Reader, header []byte) error {
	br := bufio.NewReader(body)
	buf := make([]byte, c.e.Chunk)
	var out []byte
	for i := uint32(0); ; i++ {
		n, err := io.ReadFull(br, buf)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return err
		}
		last := err != nil
		if !last { // a full chunk is the last one when nothing follows it
			_, err := br.Peek(1)
			last = errors.Is(err, io.EOF)
			if err != nil && !last {
				return err
			}
		}
		out = c.aead.Seal(out[:0], c.e.nonce(i, last), buf[:n], header)
		if _, err := w.Write(out); err != nil {
			return err
		}
		if last {
			return nil
		}
	}
}

// opener derives the key and checks it against the header's check value.
func (e *encryption) opener(passphrase string, header []byte) (*opener, error) {
	aead, err := e.aead(passphrase)
	if err != nil {
		return nil, err
	}
	if _, err := aead.Open(nil, e.nonce(checkChunk, true), e.Check, nil); err != nil {
		return nil, ErrPassphrase
	}
	return &opener{e: e, aead: aead, header: header}, nil
}

type opener struct {
	e      *encryption
	aead   cipher.AEAD
	header []byte
}

// openReader decrypts the chunks one by one; a chunk that fails, or a file that ends without
// its last chunk, is reported as damage.
type openReader struct {
	dec  *opener
	src  *bufio.Reader
	i    uint32
	buf  []byte
	out  []byte
	done bool
}

func (r *openReader) Read(p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.done {
			return 0, io.EOF
		}
		if err := r.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

func (r *openReader) next() error {
	if r.buf == nil {
		r.buf = make([]byte, r.dec.e.Chunk+r.dec.aead.Overhead())
	}
	n, err := io.ReadFull(r.src, r.buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	last := err != nil
	if !last {
		_, err := r.src.Peek(1)
		last = errors.Is(err, io.EOF)
		if err != nil && !last {
			return err
		}
	}
	if n < r.dec.aead.Overhead() || r.i == checkChunk {
		return damagedBackup("het bestand is afgebroken")
	}
	plain, err := r.dec.aead.Open(nil, r.dec.e.nonce(r.i, last), r.buf[:n], r.dec.header)
	if err != nil {
		return damagedBackup("een deel van de versleutelde inhoud klopt niet")
	}
	r.out, r.i, r.done = plain, r.i+1, last
	return nil
}
