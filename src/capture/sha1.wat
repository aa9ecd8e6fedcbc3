(module
  ;; SHA-1 for the hook path (src/capture/sha1-wasm.ts holds this module assembled: `wat2wasm sha1.wat`,
  ;; then base64). `blocks(n)` hashes n padded 64-byte blocks placed at offset 512 by the caller; the
  ;; message schedule W[80] lives at 0 and the five result words at 320 (little-endian i32s).
  (memory (export "memory") 1)
  (func (export "blocks") (param $n i32)
    (local $h0 i32) (local $h1 i32) (local $h2 i32) (local $h3 i32) (local $h4 i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i32)
    (local $t i32) (local $tmp i32) (local $p i32) (local $end i32)
    (local.set $h0 (i32.const 0x67452301))
    (local.set $h1 (i32.const 0xefcdab89))
    (local.set $h2 (i32.const 0x98badcfe))
    (local.set $h3 (i32.const 0x10325476))
    (local.set $h4 (i32.const 0xc3d2e1f0))
    (local.set $p (i32.const 512))
    (local.set $end (i32.add (i32.const 512) (i32.mul (local.get $n) (i32.const 64))))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $t (i32.const 0))
        (loop $load
          (i32.store (i32.shl (local.get $t) (i32.const 2))
            (i32.or
              (i32.and (i32.rotl (local.tee $tmp (i32.load (i32.add (local.get $p) (i32.shl (local.get $t) (i32.const 2))))) (i32.const 8)) (i32.const 0x00ff00ff))
              (i32.and (i32.rotr (local.get $tmp) (i32.const 8)) (i32.const 0xff00ff00))))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $load (i32.lt_u (local.get $t) (i32.const 16))))
        (loop $expand
          (i32.store (i32.shl (local.get $t) (i32.const 2))
            (i32.rotl
              (i32.xor
                (i32.xor (i32.load (i32.shl (i32.sub (local.get $t) (i32.const 3)) (i32.const 2)))
                         (i32.load (i32.shl (i32.sub (local.get $t) (i32.const 8)) (i32.const 2))))
                (i32.xor (i32.load (i32.shl (i32.sub (local.get $t) (i32.const 14)) (i32.const 2)))
                         (i32.load (i32.shl (i32.sub (local.get $t) (i32.const 16)) (i32.const 2)))))
              (i32.const 1)))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $expand (i32.lt_u (local.get $t) (i32.const 80))))
        (local.set $a (local.get $h0))
        (local.set $b (local.get $h1))
        (local.set $c (local.get $h2))
        (local.set $d (local.get $h3))
        (local.set $e (local.get $h4))
        (local.set $t (i32.const 0))
        (loop $r1
          (local.set $tmp
            (i32.add
              (i32.add (i32.rotl (local.get $a) (i32.const 5)) (local.get $e))
              (i32.add (i32.load (i32.shl (local.get $t) (i32.const 2))) (i32.add (i32.const 0x5a827999) (i32.xor (local.get $d) (i32.and (local.get $b) (i32.xor (local.get $c) (local.get $d))))))))
          (local.set $e (local.get $d))
          (local.set $d (local.get $c))
          (local.set $c (i32.rotl (local.get $b) (i32.const 30)))
          (local.set $b (local.get $a))
          (local.set $a (local.get $tmp))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $r1 (i32.lt_u (local.get $t) (i32.const 20))))
        (loop $r2
          (local.set $tmp
            (i32.add
              (i32.add (i32.rotl (local.get $a) (i32.const 5)) (local.get $e))
              (i32.add (i32.load (i32.shl (local.get $t) (i32.const 2))) (i32.add (i32.const 0x6ed9eba1) (i32.xor (i32.xor (local.get $b) (local.get $c)) (local.get $d))))))
          (local.set $e (local.get $d))
          (local.set $d (local.get $c))
          (local.set $c (i32.rotl (local.get $b) (i32.const 30)))
          (local.set $b (local.get $a))
          (local.set $a (local.get $tmp))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $r2 (i32.lt_u (local.get $t) (i32.const 40))))
        (loop $r3
          (local.set $tmp
            (i32.add
              (i32.add (i32.rotl (local.get $a) (i32.const 5)) (local.get $e))
              (i32.add (i32.load (i32.shl (local.get $t) (i32.const 2))) (i32.add (i32.const 0x8f1bbcdc) (i32.or (i32.and (local.get $b) (local.get $c)) (i32.and (local.get $d) (i32.or (local.get $b) (local.get $c))))))))
          (local.set $e (local.get $d))
          (local.set $d (local.get $c))
          (local.set $c (i32.rotl (local.get $b) (i32.const 30)))
          (local.set $b (local.get $a))
          (local.set $a (local.get $tmp))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $r3 (i32.lt_u (local.get $t) (i32.const 60))))
        (loop $r4
          (local.set $tmp
            (i32.add
              (i32.add (i32.rotl (local.get $a) (i32.const 5)) (local.get $e))
              (i32.add (i32.load (i32.shl (local.get $t) (i32.const 2))) (i32.add (i32.const 0xca62c1d6) (i32.xor (i32.xor (local.get $b) (local.get $c)) (local.get $d))))))
          (local.set $e (local.get $d))
          (local.set $d (local.get $c))
          (local.set $c (i32.rotl (local.get $b) (i32.const 30)))
          (local.set $b (local.get $a))
          (local.set $a (local.get $tmp))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br_if $r4 (i32.lt_u (local.get $t) (i32.const 80))))
        (local.set $h0 (i32.add (local.get $h0) (local.get $a)))
        (local.set $h1 (i32.add (local.get $h1) (local.get $b)))
        (local.set $h2 (i32.add (local.get $h2) (local.get $c)))
        (local.set $h3 (i32.add (local.get $h3) (local.get $d)))
        (local.set $h4 (i32.add (local.get $h4) (local.get $e)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $block)))
    (i32.store (i32.const 320) (local.get $h0))
    (i32.store (i32.const 324) (local.get $h1))
    (i32.store (i32.const 328) (local.get $h2))
    (i32.store (i32.const 332) (local.get $h3))
    (i32.store (i32.const 336) (local.get $h4))))
