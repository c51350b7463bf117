//! Greedy CTC decoding: the recogniser scores every class at each time step;
//! the best class per step, with repeats collapsed and blanks dropped, is
//! the text. A character's confidence is the best score among the steps
//! that produced it.

use super::engine::LineText;

/// `steps` holds, per time step, the best class and its probability;
/// class 0 is the blank, class `i` is `chars[i]`.
pub fn greedy(steps: &[(usize, f32)], chars: &[String]) -> LineText {
    let mut text = String::new();
    let mut confidences = Vec::new();
    let mut prev = 0usize;
    for &(class, p) in steps {
        if class != 0 && class != prev {
            if let Some(s) = chars.get(class) {
                for ch in s.chars() {
                    text.push(ch);
                    confidences.push(p);
                }
            }
        } else if class != 0 && class == prev {
            if let Some(last) = confidences.last_mut() {
                *last = last.max(p);
            }
        }
        prev = class;
    }
    LineText { text, confidences }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_collapse_blanks_separate_and_the_best_score_counts() {
        let chars: Vec<String> = ["", "3", "5", "1"].iter().map(|s| s.to_string()).collect();
        // 3 3 _ 3 5 _ _ 1 1
        let steps = [
            (1, 0.6),
            (1, 0.9),
            (0, 0.99),
            (1, 0.7),
            (2, 0.8),
            (0, 0.9),
            (0, 0.9),
            (3, 0.5),
            (3, 0.4),
        ];
        let out = greedy(&steps, &chars);
        assert_eq!(out.text, "3351");
        assert_eq!(out.confidences, vec![0.9, 0.7, 0.8, 0.5]);
    }

    #[test]
    fn a_class_outside_the_dictionary_is_skipped() {
        let chars: Vec<String> = ["", "A"].iter().map(|s| s.to_string()).collect();
        let out = greedy(&[(1, 0.9), (7, 0.9), (1, 0.8)], &chars);
        assert_eq!(out.text, "AA");
    }
}
